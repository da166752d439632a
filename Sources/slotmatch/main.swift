print("slotmatch")
