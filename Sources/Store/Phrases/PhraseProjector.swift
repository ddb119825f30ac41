import Domain

extension PhraseKind: ColumnDecodable {}

/// `phrase/ID` → `phrase`, and the template's organisation in `stream_scope` so the district
/// sends a township its organisations' templates (全区通用 ones go to every township: `ExportScope`).
struct PhraseProjector: FoldingProjector {
  typealias Reducer = PhraseReducer
  var tables: [String] { ["phrase"] }

  func write(_ state: PhraseTemplate?, stream: String, in c: ProjectionContext) throws {
    let id = String(splitStream(stream).id)
    guard let p = state else {
      try Self.row.delete(key: .text(id), db: c.db)
      try StreamScope.replace(stream: stream, organisations: [], in: c)
      return
    }
    try Self.row.write(
      key: .text(id),
      [
        ("kind", p.kind.rawValue), ("org", p.org), ("text", p.text), ("position", p.position),
        ("retired", p.retired),
      ], db: c.db)
    try StreamScope.replace(stream: stream, organisations: Set(p.org.map { [$0] } ?? []), in: c)
  }

  static let row = ProjectedRow(table: "phrase", key: "id")
}

extension PhraseTemplate: RowDecodable {
  public static let table = "phrase"
  public static let keyColumn = "id"

  public init(row r: Row) throws {
    self.init(
      id: try r.decode("id"), kind: try r.decode("kind"), org: try r.decode("org"),
      text: try r.decode("text"), position: try r.decode("position"),
      retired: try r.decode("retired"))
  }
}
