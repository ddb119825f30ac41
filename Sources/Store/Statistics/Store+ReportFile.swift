import Foundation

extension Store {
  /// Writes a report (CSV) as a new file through the one writer: never over an existing file,
  /// never over the database.
  func writeAtomically(_ text: String, to path: String) throws {
    try files.write(Data(text.utf8), to: path)
  }
}
