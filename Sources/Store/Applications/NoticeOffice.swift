import Domain
import Foundation

/// What became of one notice: saved where, printed or not, and any problem in words.
public struct NoticeDelivery: Equatable, Sendable {
  public var notice: IssuedNotice
  public var path: String?
  public var printedOn: String?
  public var problems: [String]

  public init(notice: IssuedNotice, path: String?, printedOn: String?, problems: [String]) {
    self.notice = notice
    self.path = path
    self.printedOn = printedOn
    self.problems = problems
  }

  /// `受理通知书 BYQ受〔2026〕1号 已保存 /srv/…/x.txt,已送打印机 hall`
  public var summary: String {
    var s = "\(notice.kind.title) \(notice.number)"
    if let path { s += " 已保存 \(path)" }
    if let printedOn { s += ",已送打印机 \(printedOn)" }
    if !problems.isEmpty { s += (path == nil ? " " : ";") + problems.joined(separator: ";") }
    return s
  }
}

/// 文书 — fills a notice's template, saves it as UTF-8 text and sends it to the printer.
///
/// Runs after the transaction that issued the notice committed: a disk or printer failure is a
/// message for the clerk, the case stays as it is, and the notice can be produced again from the
/// case at any time (the number and the values are in the journal).
public struct NoticeOffice {
  public let share: ShareDirectory
  public let settings: NoticeSettings
  /// The node's file writer: notices take a free name, never another notice's file.
  public var files = FileWriter()
  /// Sends a file to a printer; returns what went wrong, or nil.
  public var print: (_ printer: String, _ path: String) -> String?
  /// The handling organisation's record (full name, address, phone) by its code.
  public var issuer: (String) -> Organisation?

  public init(
    share: ShareDirectory, settings: NoticeSettings,
    issuer: @escaping (String) -> Organisation? = { _ in nil },
    print: @escaping (String, String) -> String? = NoticeOffice.lp
  ) {
    self.share = share
    self.settings = settings
    self.issuer = issuer
    self.print = print
  }

  /// The filled text of a notice, laid out for A4 (`NoticeLayout`): the file saved is the page
  /// printed.
  public func text(_ notice: IssuedNotice, of a: Application, names: [String: String]) throws
    -> String
  {
    guard share.exists(notice.kind.templateFile) else {
      throw StoreError.invalid("找不到文书模板 \(share.url(notice.kind.templateFile).path)")
    }
    let template = try share.read(notice.kind.templateFile)
    let values = NoticeTemplate.values(
      for: notice, of: a, names: names, issuer: issuer(a.item.organisation))
    switch NoticeLayout.lay(template, values: values) {
    // A notice is printed: no control or bidi override from stored text reaches the page.
    case .success(let text): return SafeText.lines(text)
    case .failure(let p):
      throw StoreError.invalid("文书模板 \(notice.kind.templateFile) 有误: \(p.message)")
    }
  }

  /// `BYQ-2026-000123-受理通知书-BYQ受2026-1.txt`: one file per notice, the same name each time
  /// it is produced again.
  public static func fileName(_ notice: IssuedNotice, caseID: String) -> String {
    let number = notice.number.replacingOccurrences(of: "〔", with: "")
      .replacingOccurrences(of: "〕", with: "-").replacingOccurrences(of: "号", with: "")
    return "\(caseID)-\(notice.kind.title)-\(number).txt"
  }

  /// Saves (and prints, when a printer is configured) one notice.
  public func produce(_ notice: IssuedNotice, of a: Application, names: [String: String])
    -> NoticeDelivery
  {
    var d = NoticeDelivery(notice: notice, path: nil, printedOn: nil, problems: [])
    let body: String
    do {
      body = try text(notice, of: a, names: names)
    } catch {
      d.problems.append((error as? UserFacingError)?.userMessage ?? "文书生成失败")
      return d
    }
    let dir = (settings.directory as NSString).appendingPathComponent(String(notice.issuedOn.year))
    let path = (dir as NSString).appendingPathComponent(Self.fileName(notice, caseID: a.caseID))
    do {
      // Produced again, a notice gets the next free name (…-2.txt): nothing is overwritten, and
      // a link planted in the folder path is refused rather than followed.
      d.path = try files.write(
        Data(body.utf8), to: path, existing: .freeName, createFolders: true,
        folderMode: files.access.sharedFolderMode)
    } catch let problem as FileProblem {
      d.problems.append("文书未能保存到 \(dir)(\(problem.userMessage)),可稍后按 n 重新生成")
      return d
    } catch {
      d.problems.append("文书未能保存到 \(dir)(目录不存在或无写权限),可稍后按 n 重新生成")
      return d
    }
    if let printer = settings.printer {
      if let problem = print(printer, d.path ?? path) {
        d.problems.append("打印失败: \(problem)")
      } else {
        d.printedOn = printer
      }
    }
    return d
  }

  /// How a notice is put on paper: A4, 56-point (about 2 cm) margins. With CUPS's text filter
  /// at its 10 characters an inch that leaves room for 66 columns, the width `NoticeLayout`
  /// wraps at — so nothing runs off the right edge.
  public static let lpOptions = [
    "-o", "media=A4", "-o", "page-left=56", "-o", "page-right=56", "-o", "page-top=56",
    "-o", "page-bottom=56",
  ]

  /// `lp -d PRINTER OPTIONS FILE`, its output discarded; a failure comes back as its message.
  public static func lp(printer: String, path: String) -> String? {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["lp", "-d", printer] + lpOptions + ["--", path]
    let err = Pipe()
    p.standardInput = FileHandle.nullDevice
    p.standardOutput = FileHandle.nullDevice
    p.standardError = err
    do {
      try Privilege.withRealGroup { try p.run() }
    } catch {
      return "无法运行 lp"
    }
    let data = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    if p.terminationStatus == 0 { return nil }
    if p.terminationStatus == 127 { return "找不到 lp 命令(请安装 CUPS 客户端 cups-client)" }
    let text = FieldText.sanitizeForDisplay(String(decoding: data, as: UTF8.self))
      .trimmingSpaces()
    return text.isEmpty ? "lp 退出状态 \(p.terminationStatus)" : String(text.prefix(120))
  }
}
