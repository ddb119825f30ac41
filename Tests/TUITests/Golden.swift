import Foundation
import Store
import XCTest

@testable import TUI

/// Golden files under `Tests/TUITests/Golden/`.
///
/// A frame's golden is what the clerk sees *and* how it looks, so a lost selection bar, a badge
/// that is no longer coloured or a caret in the wrong field fails like a wrong character:
///
///     <each row as text, trailing spaces trimmed>
///     ~~ style
///     <each row's style: row number, then its runs, left to right>
///     ~~ cursor X,Y                (column and row of the caret, from 0; or `~~ cursor hidden`)
///
/// A run is `COUNT` columns of one style written `COUNTfgbg[flags][/mono]` (a wide glyph counts
/// two columns, as on the terminal):
/// - `fg`, `bg`: one letter each: `-` terminal default, `r` red, `g` green, `y` yellow, `b` blue,
///   `m` magenta, `c` cyan, `w` white, `k` black;
/// - `flags`: `B` bold, `R` reverse, `U` underline, in that order (none: plain);
/// - `/mono`, only where it is not what the flags already give: what stands in for the colour on
///   a monochrome terminal and under `NO_COLOR` (`/p` plain, `/b` bold, `/r` reverse,
///   `/br` bold reverse, `/u` underline).
///
/// So `13-- 67--R` is 13 plain columns then a 67-column selection bar, `80wbB/br` a title bar
/// (white on blue, bold; bold reverse without colour), `6r-B/r` a red bold badge.
///
/// Recording (`ZWFW_UPDATE_GOLDEN=1`, or a golden that does not exist yet) writes the file and
/// FAILS the test, as snapshot libraries do: a recorded golden has checked nothing until it is read
/// (`git diff`) and the test is re-run without recording.
func assertGolden(
  _ frame: Frame, _ name: String, file: StaticString = #filePath, line: UInt = #line
) {
  assertGolden(GoldenFrame.text(frame), name, file: file, line: line)
}

/// Compares text (a notice, a whole golden frame) with its golden file; see the frame variant.
func assertGolden(
  _ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line
) {
  let dir = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent(
    "Golden")
  let url = dir.appendingPathComponent("\(name).txt")
  let text = actual + "\n"
  let recording = ProcessInfo.processInfo.environment["ZWFW_UPDATE_GOLDEN"] == "1"
  let expected: String?
  do {
    expected = try GoldenFile.read(url)
  } catch {
    return XCTFail("golden file \(name).txt cannot be read: \(error)", file: file, line: line)
  }
  guard let expected, !recording else {
    guard expected != text else {
      return XCTFail(
        "ZWFW_UPDATE_GOLDEN=1: \(name).txt is unchanged, but nothing was checked; re-run without it",
        file: file, line: line)
    }
    do {
      try GoldenFile.record(text, at: url)
    } catch {
      return XCTFail("golden file \(name).txt not recorded: \(error)", file: file, line: line)
    }
    return XCTFail(
      "recorded golden file \(name).txt: read its diff, then re-run without ZWFW_UPDATE_GOLDEN",
      file: file, line: line)
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

/// A frame in the golden form documented at `assertGolden(_:_:)`.
enum GoldenFrame {
  static func text(_ frame: Frame) -> String {
    var lines = [frame.text, "~~ style"]
    let digits = String(max(0, frame.height - 1)).count
    for y in 0..<frame.height {
      let number = String(y)
      lines.append(
        String(repeating: " ", count: digits - number.count) + number + " " + runs(frame, y))
    }
    if let c = frame.cursor {
      lines.append("~~ cursor \(c.x),\(c.y)")
    } else {
      lines.append("~~ cursor hidden")
    }
    return lines.joined(separator: "\n")
  }

  /// Row `y`'s runs of equal style, `COUNTcode` separated by spaces.
  static func runs(_ frame: Frame, _ y: Int) -> String {
    var out: [String] = []
    var x = 0
    while x < frame.width {
      let style = frame[x, y].style
      var end = x + 1
      while end < frame.width, frame[end, y].style == style { end += 1 }
      out.append("\(end - x)\(code(style))")
      x = end
    }
    return out.joined(separator: " ")
  }

  static func code(_ s: Style) -> String {
    var c = letter(s.fg) + letter(s.bg)
    if s.bold { c += "B" }
    if s.reverse { c += "R" }
    if s.underline { c += "U" }
    if s.mono != Style(bold: s.bold, reverse: s.reverse, underline: s.underline).mono {
      c += "/" + mono(s.mono)
    }
    return c
  }

  static func letter(_ c: Style.Color) -> String {
    switch c {
    case .normal: "-"
    case .red: "r"
    case .green: "g"
    case .yellow: "y"
    case .blue: "b"
    case .magenta: "m"
    case .cyan: "c"
    case .white: "w"
    case .black: "k"
    }
  }

  static func mono(_ m: Style.Mono) -> String {
    switch m {
    case .plain: "p"
    case .bold: "b"
    case .reverse: "r"
    case .boldReverse: "br"
    case .underline: "u"
    }
  }
}

/// Reading and recording golden files. Recording replaces a golden on purpose: the new text is
/// written whole by the project's writer under a fresh name beside it, then renamed over it.
enum GoldenFile {
  static func read(_ url: URL) throws -> String? {
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    return try String(contentsOf: url, encoding: .utf8)
  }

  static func record(_ text: String, at url: URL) throws {
    let fresh = url.path + ".recording-\(UUID().uuidString)"
    try FileWriter().write(Data(text.utf8), to: fresh, createFolders: true)
    guard rename(fresh, url.path) == 0 else {
      throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
  }
}
