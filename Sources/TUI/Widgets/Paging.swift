/// A list read a page at a time, as the queues are: the first page on reload, the next one when
/// the selection reaches the last row read, so the first screen never waits for the whole list
/// and no row is out of reach.
struct Paging: Equatable, Sendable {
  /// Rows a page reads: a few screens' worth.
  static let standardSize = 200

  var pageSize = Paging.standardSize
  /// The last read was short: the list has no more rows.
  private(set) var exhausted = true

  /// The list from its top: one page, or as many rows as `loaded` if more (a step taken far
  /// down the list keeps the selection where it was).
  mutating func first<Row>(
    keeping loaded: Int = 0, _ read: (_ offset: Int, _ limit: Int) throws -> [Row]
  ) rethrows -> [Row] {
    let limit = max(pageSize, loaded)
    let rows = try read(0, limit)
    exhausted = rows.count < limit
    return rows
  }

  /// The next page when the selection is on the last of the `loaded` rows; nothing otherwise.
  mutating func more<Row>(
    after loaded: Int, selected: Int, _ read: (_ offset: Int, _ limit: Int) throws -> [Row]
  ) rethrows -> [Row] {
    guard !exhausted, selected >= loaded - 1 else { return [] }
    let rows = try read(loaded, pageSize)
    exhausted = rows.count < pageSize
    return rows
  }
}
