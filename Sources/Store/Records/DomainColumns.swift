import Domain
import Foundation

// The Domain's codes and dates as the projections store them: a code by its `rawValue`, a date
// as ISO text. An unknown code or a malformed date is a decoding error, never a default.

extension CivilDate: ColumnDecodable {
  public static func decode(_ row: Row, _ i: Int32) -> CivilDate? {
    String.decode(row, i).flatMap(CivilDate.init(iso:))
  }
}

/// A time as the journal and the logs store it: milliseconds since 1970 UTC.
extension Date: ColumnDecodable {
  public static func decode(_ row: Row, _ i: Int32) -> Date? {
    Int64.decode(row, i).map(Store.date(ms:))
  }
}

extension ComplaintType: ColumnDecodable {}
extension ComplaintUrgency: ColumnDecodable {}
extension ComplaintChannel: ColumnDecodable {}
extension ComplaintStatus: ColumnDecodable {}
extension Satisfaction: ColumnDecodable {}
extension Confidentiality: ColumnDecodable {}
extension ExtensionState: ColumnDecodable {}
extension RectificationPhase: ColumnDecodable {}
extension RatingLevel: ColumnDecodable {}
extension SupervisionMethod: ColumnDecodable {}
extension SpotCheckVerdict: ColumnDecodable {}
extension ApplicantKind: ColumnDecodable {}
extension ApplicationChannel: ColumnDecodable {}
extension ApplicationStatus: ColumnDecodable {}
extension CalendarEntry.Kind: ColumnDecodable {}
extension ItemType: ColumnDecodable {}
extension ItemStatus: ColumnDecodable {}
extension ChangeKind: ColumnDecodable {}
extension ChangeStage: ColumnDecodable {}

/// Its JSON keys are the columns' names.
extension CalendarEntry: RowDecodable {
  public static let table = "calendar_day"
  public static let keyColumn = "date"
}
