let vault = 1
