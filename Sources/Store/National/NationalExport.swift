import Domain
import Foundation

extension Action {
  /// 上报省平台 (`zwfw export gbt39046`) — system admins and supervisors of the district.
  public static let exportNational = Action(
    "export.gbt39046", "导出上报省平台数据", roles: [.admin, .supervisor])
}

/// One file of the national export: its name, the data set it holds, and its table.
public struct NationalDataSet: Sendable {
  public var file: String
  /// 数据集 — the standard's data set and table (`事项管理(表4)`).
  public var title: String
  public var table: NationalTable
}

/// What `export gbt39046` wrote.
public struct NationalExportSummary: Sendable {
  public var directory: String
  /// File name and row count, in manifest order (the manifest last).
  public var files: [(name: String, rows: Int)]
}

/// What every data set of one export is made from: the period, the node, its people and
/// organisations, and the folds of the case streams.
struct NationalExportContext {
  var from: CivilDate
  var to: CivilDate
  /// 行政区划 of every row: the exporting node's (受理地).
  var region: String
  var zone: DeploymentZone
  var calendar: WorkCalendar
  var staff: [String: Staff]
  var organisations: [String: Organisation]
  /// 基本编码 and 实施编码 of each item by our code, where the catalog records them.
  var nationalCodes: [String: (basic: String, implementation: String)] = [:]
  /// The provincial platform's 办件编号 of each application it handed over, by our case number.
  var platformNumbers: [String: String] = [:]

  func includes(_ day: CivilDate) -> Bool { from <= day && day <= to }

  /// A staff member's name by login (the login itself for the system or someone unknown).
  func name(_ login: String) -> String { staff[login]?.name ?? login }

  /// 办件编号 as written: the platform's for an application it handed over (so it can match
  /// what comes back), else ours in letters and digits.
  func caseNumber(_ caseID: String) -> String {
    platformNumbers[caseID] ?? NationalFormat.caseNumber(caseID)
  }

  func orgName(_ code: String) -> String { organisations[code]?.name ?? code }

  func creditCode(_ org: String) -> String { organisations[org]?.creditCode ?? "" }

  func dateTime(_ milliseconds: Int64) -> String {
    NationalFormat.dateTime(milliseconds: milliseconds, zone: zone)
  }

  /// The day of an event in the deployment zone.
  func day(_ milliseconds: Int64) -> CivilDate {
    zone.civilDate(Date(timeIntervalSince1970: Double(milliseconds / 1000)))
  }
}

extension Store {
  /// 上报省平台 — writes the district's data of `from`…`to` as GB/T 39046 data sets, one CSV per
  /// set and `manifest.csv`, into `directory` (created; an existing empty folder is taken, a
  /// non-empty one refused). The same period from an unchanged database gives the same bytes;
  /// an event (node-local, `report/…`) records who made which export when.
  @discardableResult
  public func exportNational(
    from: CivilDate, to: CivilDate, directory: String, by actor: Staff,
    progress: ProgressReporter? = nil
  ) throws -> NationalExportSummary {
    guard from <= to else { throw Refusal("起始日期 \(from.iso) 晚于截止日期 \(to.iso)") }
    return try write(as: actor, .exportNational, subject: "report/gbt39046") { tx in
      try requireDistrict(for: "上报省平台数据导出")
      try Self.refuseNonEmpty(directory)
      let context = try nationalContext(from: from, to: to)
      let sets = try nationalDataSets(context, progress: progress)
      var written: [(name: String, rows: Int)] = []
      var manifest = NationalTable(header: ["文件", "数据集", "行数", "SHA-256", "起", "止", "节点", "行政区划"])
      for (done, set) in sets.enumerated() {
        progress?(ProgressStep("写出上报文件", done: done, total: sets.count))
        let data = Data(set.table.text.utf8)
        try files.write(
          data, to: (directory as NSString).appendingPathComponent(set.file),
          createFolders: true)
        written.append((set.file, set.table.rows.count))
        manifest.append([
          set.file, set.title, String(set.table.rows.count),
          SHA256.hex(SHA256.hash(Array(data))), NationalFormat.dateTime(from),
          NationalFormat.dateTime(to, endOfDay: true), node.code, context.region,
        ])
      }
      try files.write(
        Data(manifest.text.utf8), to: (directory as NSString).appendingPathComponent("manifest.csv")
      )
      written.append(("manifest.csv", manifest.rows.count))
      progress?(ProgressStep("写出上报文件", done: sets.count, total: sets.count))
      try tx.append([
        EventDraft(
          stream: "report/gbt39046", type: .nationalExportMade,
          body: NationalExportMade(from: from.iso, to: to.iso, directory: directory))
      ])
      return NationalExportSummary(directory: directory, files: written)
    }
  }

  /// Everything the data sets read, gathered once.
  func nationalContext(from: CivilDate, to: CivilDate) throws -> NationalExportContext {
    var c = NationalExportContext(
      from: from, to: to, region: node.region ?? "", zone: zone, calendar: calendar,
      staff: Dictionary(try allStaff().map { ($0.login, $0) }, uniquingKeysWith: { a, _ in a }),
      organisations: Dictionary(
        try organisationRecords().map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a }))
    for item in try allCatalogItems() {
      guard let n = item.national else { continue }
      c.nationalCodes[item.code] = (n.basicCode, n.implementationCode)
    }
    return c
  }

  /// The data sets in manifest order.
  func nationalDataSets(_ c: NationalExportContext, progress: ProgressReporter? = nil) throws
    -> [NationalDataSet]
  {
    func foldStreams<R: StreamReducer>(_ r: R.Type) throws -> [FoldedStream<R.State>] {
      try self.foldStreams(r, progress: progress)
    }
    let items = try allCatalogItems().filter { $0.status != .terminated }
    let applications = try foldStreams(ApplicationMachine.self)
    var c = c
    for f in applications {
      if let p = f.state.platform { c.platformNumbers[f.state.caseID] = p.number }
    }
    return [
      NationalDataSet(file: "items.csv", title: "事项管理(表4)", table: NationalItems.items(items, c)),
      NationalDataSet(
        file: "materials.csv", title: "事项管理·申请材料(表4)", table: NationalItems.materials(items, c)),
      NationalDataSet(
        file: "applications.csv", title: "办事申请(表5)",
        table: NationalApplications.applications(applications, c)),
      NationalDataSet(
        file: "acceptances.csv", title: "事项受理(表6)",
        table: NationalApplications.acceptances(applications, c)),
      NationalDataSet(
        file: "steps.csv", title: "事项办理·环节(表7)", table: NationalSteps.steps(applications, c)),
      NationalDataSet(
        file: "special-procedures.csv", title: "事项办理·特别程序(表7)",
        table: NationalSteps.specialProcedures(applications, c)),
      NationalDataSet(
        file: "conclusions.csv", title: "事项办结(表8)",
        table: NationalApplications.conclusions(applications, c)),
      NationalDataSet(
        file: "ratings.csv", title: "政务服务绩效评价(表9)",
        table: NationalInteractions.ratings(try foldStreams(RatingReducer.self), c)),
      NationalDataSet(
        file: "complaints.csv", title: "办事互动·投诉(表10)",
        table: NationalInteractions.complaints(try foldStreams(ComplaintMachine.self), c)),
      NationalDataSet(
        file: "supervision.csv", title: "电子监察·督办(表11)",
        table: NationalInteractions.supervision(
          try foldStreams(SupervisionReducer.self), applications, c)),
    ]
  }

  /// Every stream of a kind, folded from its journal, in stream order.
  func foldStreams<R: StreamReducer>(_: R.Type, progress: ProgressReporter? = nil) throws
    -> [FoldedStream<R.State>]
  {
    let streams = try Journal.streams(kind: R.streamKind, db: db).sorted()
    let title = "读取" + (Self.exportedKinds[R.streamKind] ?? R.streamKind)
    defer { progress?(ProgressStep(title, done: streams.count, total: streams.count)) }
    return try streams.enumerated().compactMap { done, stream in
      progress?(ProgressStep(title, done: done, total: streams.count))
      let events = try Journal.events(stream: stream, db: db)
      guard let state = R.foldFromStart(events, foldContext).state else { return nil }
      return FoldedStream(stream: stream, state: state, events: events)
    }
  }

  /// The case kinds the export folds, as its progress names them.
  static let exportedKinds = [
    "application": "办件", "complaint": "投诉建议", "rating": "评价", "supervision": "督办",
  ]

  /// The export goes into a folder of its own: an existing one must be empty.
  static func refuseNonEmpty(_ directory: String) throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
      return
    }
    guard isDirectory.boolValue else { throw Refusal("\(directory) 已存在且不是目录") }
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [""]
    guard entries.isEmpty else {
      throw Refusal("目录 \(directory) 不是空的;每次导出请用一个新目录(如按日期命名)")
    }
  }
}

/// A stream's state and the events it was folded from (their times are the data sets' times).
struct FoldedStream<State> {
  var stream: String
  var state: State
  var events: [Event]
}

extension EventType {
  /// 上报省平台数据已导出 — node-local: who exported which period into which folder.
  public static let nationalExportMade: EventType = "report.gbt39046Exported"
}

/// Payload of `report.gbt39046Exported`.
public struct NationalExportMade: EventPayload {
  public var from: String
  public var to: String
  public var directory: String
}
