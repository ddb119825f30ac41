/// The conditions of a WHERE clause with their arguments, kept in step: an optional filter that
/// is not set adds neither. Values are always bound, never written into the SQL.
struct SQLConditions {
  private(set) var clauses: [String]
  private(set) var args: [any SQLBindable] = []

  init(_ clauses: [String] = []) { self.clauses = clauses }

  /// `clause` with `value` as its one argument, when there is a value.
  mutating func add(_ clause: String, ifSet value: (any SQLBindable)?) {
    guard let value else { return }
    clauses.append(clause)
    args.append(value)
  }

  /// Every condition, `1` when there is none.
  var sql: String { clauses.isEmpty ? "1" : clauses.joined(separator: " AND ") }
}
