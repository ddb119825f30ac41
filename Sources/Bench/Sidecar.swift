import Foundation
import Store

/// The benchmark's own files go through the project's one writer like every other file: a new
/// file, linked in without replacing anything.
enum Sidecar {
  /// A figure kept beside the benchmark's scratch database for `--reuse`. The stale one of an
  /// earlier run is the benchmark's own scratch file, removed first; a name another program put
  /// in the way (a link, a folder) is still refused by the writer.
  static func save(_ value: some Encodable, at path: String) throws {
    if (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) == nil {
      try? FileManager.default.removeItem(atPath: path)
    }
    try FileWriter().write(try JSONEncoder().encode(value), to: path)
  }
}
