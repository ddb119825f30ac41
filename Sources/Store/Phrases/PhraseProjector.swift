import Domain

extension PhraseKind: ColumnDecodable {}

/// `phrase/ID` → `phrase`, and the template's organisation in `stream_scope` so the district
/// sends a township its organisations' templates (全区通用 ones go to every township: `ExportScope`).
struct PhraseProjector: RowProjector {
  typealias Reducer = PhraseReducer
  static let row = ProjectedRow(table: "phrase", key: "id")

  func columns(_ p: PhraseTemplate) -> [ProjectedColumn] {
    [
      ("kind", p.kind.rawValue), ("org", p.org), ("text", p.text), ("position", p.position),
      ("retired", p.retired),
    ]
  }

  func scope(_ p: PhraseTemplate) -> Set<String>? { Set(p.org.map { [$0] } ?? []) }
}

/// The row's columns are the template's own fields, by their names.
extension PhraseTemplate: RowDecodable {
  public static let table = "phrase"
  public static let keyColumn = "id"
}
