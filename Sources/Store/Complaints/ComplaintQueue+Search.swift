import Domain

extension Store {
  /// 全部 searched for a string a full-text index holds: the word's index list read in its own
  /// order, newest first (descending rowid: the order complaints were recorded here), each case
  /// fetched by its rowid until the page is full. A common word costs its page, not the cases
  /// around its matches (the view read in queue order checked every case's text: about seven
  /// complaints read for each 「排队」 listed); a rare one its few matches. Nil when the string
  /// is not indexed (one character: the view read in order, `ComplaintSearch.plan`) or the
  /// operator does not see every organisation (全部 is not theirs).
  ///
  /// - Returns: the FROM and WHERE of the read, its values, and the ORDER BY the index holds.
  static func searchAllRead(
    _ filter: ComplaintFilter, _ scope: ComplaintQueueScope
  ) -> (from: String, whereSQL: String, args: [any SQLBindable], order: String)? {
    guard scope.visibility.seesEveryOrganisation,
      let q = filter.search?.trimmingSpaces(), let index = ComplaintSearch.index(for: q)
    else { return nil }
    let t = index.table
    var clauses = ["\(t) MATCH ?"]
    var args: [any SQLBindable] = [index.query]
    // The search is the index; the filters are the case's own columns.
    appendFilter(filter, nil, scope, &clauses, &args)
    // CROSS JOIN keeps the index outside: SQLite never reorders it.
    return (
      "\(t) CROSS JOIN complaint c ON c.rowid = \(t).rowid",
      clauses.joined(separator: " AND "), args, "\(t).rowid DESC"
    )
  }

  /// The page of `searchAllRead` (LIMIT and OFFSET to be added).
  static func searchAllStatement(_ filter: ComplaintFilter, _ scope: ComplaintQueueScope)
    -> (String, [any SQLBindable])?
  {
    guard let read = searchAllRead(filter, scope) else { return nil }
    return (
      """
      SELECT \(queueColumns)
      FROM \(read.from) WHERE \(read.whereSQL)
      ORDER BY \(read.order) LIMIT ? OFFSET ?
      """, read.args
    )
  }
}
