import Foundation

/// The terminal of whoever runs doctor: what every clerk's SSH session needs too.
enum CallerChecks {
  static var all: [DoctorCheck] { [locale, terminfo] }

  static let locale = DoctorCheck("区域设置") { c in
    try Launcher.checkLocale(c.env.environment)
    let name = ["LC_ALL", "LC_CTYPE", "LANG"].compactMap { c.env.environment[$0] }.first {
      !$0.isEmpty
    }
    return .pass("UTF-8(\(name ?? "C.UTF-8"))")
  }

  static let terminfo = DoctorCheck("终端类型") { c in
    guard let term = c.env.environment["TERM"], !term.isEmpty, term != "dumb" else {
      return .fail("没有设置 TERM", fix: "在终端中运行(SSH 会话会设置 TERM,如 xterm-256color)")
    }
    let home = c.env.environment["HOME"] ?? NSHomeDirectory()
    let dirs =
      [c.env.environment["TERMINFO"], home + "/.terminfo"].compactMap { $0 }
      + ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo"]
    let first = String(term.prefix(1))
    let hex = String(term.utf8.first.map { String($0, radix: 16) } ?? "")
    for dir in dirs {
      for sub in [first, hex] where FileManager.default.fileExists(atPath: "\(dir)/\(sub)/\(term)")
      {
        return .pass("\(term)(\(dir)/\(sub)/\(term))")
      }
    }
    return .fail(
      "找不到 \(term) 的 terminfo", fix: "apt-get install ncurses-term,或改用 TERM=xterm-256color")
  }
}
