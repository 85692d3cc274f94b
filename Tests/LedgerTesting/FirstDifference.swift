import Foundation

/// The offset of the first byte where two files' contents differ (the shorter length if one is a prefix of the
/// other, 0 if only one exists), or `nil` when they are identical. Expectations on it print an offset rather than
/// a dump of every byte.
public func firstDifference(_ lhs: Data?, _ rhs: Data?) -> Int? {
    guard let lhs, let rhs else { return lhs == nil && rhs == nil ? nil : 0 }
    if let offset = zip(lhs, rhs).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset { return offset }
    return lhs.count == rhs.count ? nil : min(lhs.count, rhs.count)
}
