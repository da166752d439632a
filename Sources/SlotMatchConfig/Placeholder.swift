public enum SlotMatchConfigModule {}
