import LedgerCore
import LedgerKit

/// Picks the text for ``Language/current``: every sentence this module words carries both languages side by side.
func t(_ english: String, _ chinese: String) -> String {
    Language.current.pick(english, chinese)
}
