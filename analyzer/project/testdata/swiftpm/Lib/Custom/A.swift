let custom = 1
