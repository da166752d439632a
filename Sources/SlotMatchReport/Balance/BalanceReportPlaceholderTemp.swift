public enum BalanceReportPlaceholderTemp {}
