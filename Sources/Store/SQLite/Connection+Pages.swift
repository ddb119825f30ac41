import CSQLite

extension Connection {
  /// Database pages this connection asked its page cache for since it opened or since the last
  /// reset: hits plus misses, every fetch of a B-tree page by every statement (a page read
  /// twice counts twice). Unlike a time it is the same on every machine and under any load,
  /// so the benchmark judges "a screen costs what it shows" by it (issue 26). Sorter and
  /// temporary B-tree pages are not database pages and are not counted.
  /// - Parameter reset: start counting again from zero after reading.
  public func pagesTouched(reset: Bool = false) -> Int {
    func read(_ op: Int32) -> Int {
      var current: Int32 = 0
      var highwater: Int32 = 0
      _ = sqlite3_db_status(handle, op, &current, &highwater, reset ? 1 : 0)
      return Int(current)
    }
    return read(SQLITE_DBSTATUS_CACHE_HIT) + read(SQLITE_DBSTATUS_CACHE_MISS)
  }

  /// Runs `body` and counts the pages it touched on this connection.
  public func countingPages<T>(_ body: () throws -> T) rethrows -> (value: T, pages: Int) {
    _ = pagesTouched(reset: true)
    let value = try body()
    return (value, pagesTouched(reset: true))
  }
}
