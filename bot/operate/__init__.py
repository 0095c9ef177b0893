"""Running the service: the launcher, its clean start and stop, the topology of instances."""
