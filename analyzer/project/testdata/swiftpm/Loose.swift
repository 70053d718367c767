let loose = 1
