import CNcursesw
import Domain
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Why the workstation cannot open on this terminal or locale: one line, said before curses
/// touches the screen, exit status 1 (no `--help` hint: the line says what to do).
struct LaunchRefusal: UserFacingError {
  let userMessage: String
}

/// The checks `Launcher` makes before curses starts.
extension Launcher {
  /// What to try when the terminal type cannot work: PuTTY and desktop terminals, the console.
  static let termAdvice =
    "请执行 export TERM=xterm-256color(PuTTY、桌面终端)或 TERM=linux(Linux 控制台)后再启动 zwfw"

  /// Curses on `TERM` unset, `dumb`, a hard-copy terminal or one terminfo does not know draws
  /// fragments or exits with ncurses' English; ask terminfo first and say why in Chinese.
  static func checkTerminal(_ environment: [String: String]) throws {
    let term = environment["TERM"] ?? ""
    guard !term.isEmpty else {
      throw LaunchRefusal(userMessage: "没有设置终端类型 TERM,无法打开工作台。\(termAdvice)")
    }
    let problem: String
    switch cnc_terminal_problem(term) {
    case 0: return
    case 1: problem = "终端类型 TERM=\(term) 在本机的终端数据库(terminfo)中不存在"
    case 2: problem = "终端类型 TERM=\(term) 是打印终端,不能显示全屏界面"
    case 3: problem = "终端类型 TERM=\(term) 不能移动光标,不能显示全屏界面"
    default: problem = "本机没有终端数据库(terminfo),无法识别 TERM=\(term)(请安装 ncurses-base)"
    }
    throw LaunchRefusal(userMessage: "\(problem),无法打开工作台。\(termAdvice)")
  }

  /// Curses needs a UTF-8 locale to draw Chinese. With no locale set at all we use C.UTF-8
  /// (every modern terminal is UTF-8); an explicit locale that is not installed, or not UTF-8, is
  /// the clerk's choice, so we say which and what to set instead.
  static func checkLocale(_ environment: [String: String]) throws {
    let named = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { v in
      environment[v].flatMap { $0.isEmpty ? nil : (v, $0) }
    }.first
    let usable = setlocale(LC_ALL, "") != nil
    if !usable || named == nil {
      if named == nil, setlocale(LC_ALL, "C.UTF-8") != nil { return }
    }
    let installed = installedLocales()
    let chinese = installed?.first { normalised($0) == "zh_cn.utf8" }.map { "(或 \($0))" } ?? ""
    if !usable, let (variable, value) = named, let installed,
      !installed.contains(where: { normalised($0) == normalised(value) })
    {
      throw LaunchRefusal(
        userMessage:
          "语言环境 \(variable)=\(value) 在本机没有安装(locale -a 中没有),无法正确显示中文。请先执行 export \(variable)=C.UTF-8\(chinese) 再启动 zwfw,或请管理员安装该语言环境"
      )
    }
    let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
    guard codeset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8" else {
      let variable = named?.0 ?? "LANG"
      throw LaunchRefusal(
        userMessage:
          "当前字符集是 \(codeset)(\(named.map { "\($0.0)=\($0.1)" } ?? "未设置")),不是 UTF-8,无法正确显示中文。请先执行 export \(variable)=C.UTF-8\(chinese) 再启动 zwfw"
      )
    }
  }

  /// `zh_CN.UTF-8` and `zh_CN.utf8` are one locale.
  static func normalised(_ name: String) -> String {
    name.lowercased().replacingOccurrences(of: "utf-8", with: "utf8")
  }

  /// The locales `locale -a` lists; nil when it cannot be run.
  static func installedLocales() -> [String]? {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/locale")
    p.arguments = ["-a"]
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    do { try p.run() } catch { return nil }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else { return nil }
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
  }
}
