def test_site_tree_serves_home(client, site_tree):
    response = client.get("/")
    assert response.status_code == 200


def test_api_v2_lists_pages(client, site_tree):
    response = client.get("/api/v2/pages/?fields=*")
    assert response.status_code == 200
    titles = {item["title"] for item in response.json()["items"]}
    assert "Știri" in titles
