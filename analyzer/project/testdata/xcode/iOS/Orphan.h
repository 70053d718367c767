// orphan
