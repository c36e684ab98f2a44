"""What runs besides the web server: the task worker's hygiene, the scheduler, health."""
