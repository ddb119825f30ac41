import Domain

/// 查找索引 — keeps `case_find` equal to the keys a case stream's fold names (`FindKey`). Every
/// case projector calls it with the case's keys, an empty list when the case is gone.
public enum CaseFindIndex {
  public static let table = "case_find"

  /// Replaces the stream's keys; written as a difference, so a step that changes no number,
  /// name or phone writes nothing here.
  public static func replace(stream: String, keys: [String], in context: ProjectionContext)
    throws
  {
    try rowSet.replace(owner: .text(stream), with: rows(keys), db: context.db)
  }

  static func rows(_ keys: [String]) -> [[ProjectedColumn]] {
    Array(Set(keys)).sorted().map { [("key", $0)] }
  }

  static let rowSet = ProjectedRowSet(table: table, owner: "stream", key: ["key"])
}
