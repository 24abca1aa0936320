"""congvan tests: domain core, real databases and servers, whole scenarios."""
