import Domain
import Foundation

/// What became of one notice: saved where, printed or not, and any problem in words.
public struct NoticeDelivery: Equatable, Sendable {
  public var notice: IssuedNotice
  public var path: String?
  /// What CUPS did with it; nil when no printer is set (or there was nothing to print).
  public var printing: PrintOutcome?
  public var problems: [String]

  public init(
    notice: IssuedNotice, path: String?, printing: PrintOutcome? = nil, problems: [String]
  ) {
    self.notice = notice
    self.path = path
    self.printing = printing
    self.problems = problems
  }

  /// True when something went wrong: not saved, or not printed although a printer is set.
  public var hasProblem: Bool { !problems.isEmpty || printing.map { !$0.isSubmitted } ?? false }

  /// For the one-line status: what the printer did first (never cut, it is short), then the rest.
  public var statusLine: String {
    guard let printing else { return summary }
    var s = "\(printing.brief);\(notice.kind.title) \(notice.number)"
    if let path { s += " 已保存 \(path)" }
    if !problems.isEmpty { s += ";" + problems.joined(separator: ";") }
    return s
  }

  /// `受理通知书 BYQ受〔2026〕1号 已保存 /srv/…/x.txt;已提交打印任务 hall-3`, CUPS's words included.
  public var summary: String {
    var s = "\(notice.kind.title) \(notice.number)"
    if let path { s += " 已保存 \(path)" }
    var tail = problems
    if let printing { tail.insert(printing.detail, at: 0) }
    if !tail.isEmpty { s += (path == nil ? " " : ";") + tail.joined(separator: ";") }
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
  /// Sends a file to a printer.
  public var print: (_ printer: String, _ path: String) -> PrintOutcome
  /// The handling organisation's record (full name, address, phone) by its code.
  public var issuer: (String) -> Organisation?

  public init(
    share: ShareDirectory, settings: NoticeSettings,
    issuer: @escaping (String) -> Organisation? = { _ in nil },
    print: @escaping (String, String) -> PrintOutcome = { CUPSClient().print($1, on: $0) }
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
    deliver(notice, caseID: a.caseID, again: "可稍后按 n 重新生成") {
      try text(notice, of: a, names: names)
    }
  }

  /// Saves (and prints) the notice whose text `body` makes, in the year it is issued; a text
  /// that cannot be made is a problem in words, and nothing is saved.
  func deliver(
    _ notice: IssuedNotice, caseID: String, again: String, _ body: () throws -> String
  ) -> NoticeDelivery {
    var d = NoticeDelivery(notice: notice, path: nil, problems: [])
    let text: String
    do {
      text = try body()
    } catch {
      d.problems.append((error as? UserFacingError)?.userMessage ?? "文书生成失败")
      return d
    }
    let saved = deliver(
      text, year: notice.issuedOn.year, fileName: Self.fileName(notice, caseID: caseID),
      what: "文书", again: again)
    d.path = saved.path
    d.printing = saved.printing
    d.problems += saved.problems
    return d
  }

  /// Saves `body` in the year's folder under `fileName` (the next free name when it exists),
  /// then prints the file written when a printer is set; what went wrong, in words (`what`
  /// names the paper, `again` how to produce it again).
  func deliver(_ body: String, year: Int, fileName: String, what: String, again: String) -> (
    path: String?, printing: PrintOutcome?, problems: [String]
  ) {
    let dir = (settings.directory as NSString).appendingPathComponent(String(year))
    let path = (dir as NSString).appendingPathComponent(fileName)
    let written: String
    do {
      // Produced again, a file gets the next free name (…-2.txt): nothing is overwritten, and
      // a link planted in the folder path is refused rather than followed.
      written = try files.write(
        Data(body.utf8), to: path, existing: .freeName, createFolders: true,
        folderMode: files.access.sharedFolderMode)
    } catch let problem as FileProblem {
      return (nil, nil, ["\(what)未能保存到 \(dir)(\(problem.userMessage)),\(again)"])
    } catch {
      return (nil, nil, ["\(what)未能保存到 \(dir)(目录不存在或无写权限),\(again)"])
    }
    // The file written, which may have taken a free name (…-2.txt), is the one printed.
    return (written, settings.printer.map { print($0, written) }, [])
  }
}
