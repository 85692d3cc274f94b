import LedgerCore

/// The SQLite file is the first store behind the read seam the pages, notices, receipts and proofs use.
extension SQLiteLedger: LedgerReader {}
