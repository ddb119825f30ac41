import Foundation
import XCTest

/// Compares rendered text with a golden file under `Tests/TUITests/Golden/`. Run with
/// `ZWFW_UPDATE_GOLDEN=1` to (re)write the files after an intended change, then read the diff.
func assertGolden(
  _ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line
) {
  let dir = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent(
    "Golden")
  let url = dir.appendingPathComponent("\(name).txt")
  let text = actual + "\n"
  if ProcessInfo.processInfo.environment["ZWFW_UPDATE_GOLDEN"] == "1" {
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try? text.write(to: url, atomically: true, encoding: .utf8)
    return
  }
  guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
    XCTFail(
      "golden file \(name).txt is missing; run with ZWFW_UPDATE_GOLDEN=1", file: file, line: line)
    return
  }
  guard expected != text else { return }
  let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let a = text.split(separator: "\n", omittingEmptySubsequences: false)
  var diff: [String] = []
  for i in 0..<max(e.count, a.count) {
    let el = i < e.count ? String(e[i]) : "<none>"
    let al = i < a.count ? String(a[i]) : "<none>"
    if el != al { diff.append("line \(i + 1):\n  expected: |\(el)|\n  actual:   |\(al)|") }
  }
  XCTFail(
    "\(name) differs from its golden file:\n" + diff.joined(separator: "\n"), file: file, line: line
  )
}
