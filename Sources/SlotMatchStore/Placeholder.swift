public enum SlotMatchStoreModule {}
