def test_site_tree_serves_home(client, site_tree):
    response = client.get("/")
    assert response.status_code == 200
