import Domain

/// 表7 事项办理: every step of an application (one row per event) and its special procedures.
enum NationalSteps {
  static let stepHeader = [
    "办件编号", "业务动作", "环节名称", "环节处理人", "环节处理意见", "环节开始时间", "环节结束时间", "处理单位名称",
    "处理单位统一社会信用代码", "环节办理状态代码", "行政区划",
  ]

  /// The opinion a step's payload carries, whichever of our payloads it is.
  struct Opinion: Decodable {
    var text: String?
    var reason: String?
    var decision: Decision?
  }

  /// Steps taken in the period are 已办 (2), start and end both the moment the step was taken;
  /// an open application whose last step falls in the period gets one 待办 (1) row for the step
  /// it awaits, starting then and with no end (the end column repeats the start, as the
  /// standard asks).
  static func steps(_ all: [FoldedStream<Application>], _ c: NationalExportContext)
    -> NationalTable
  {
    var t = NationalTable(header: stepHeader)
    for f in all {
      let a = f.state
      let number = c.caseNumber(a.caseID)
      for e in f.events where c.includes(c.day(e.timestamp)) {
        guard let name = stepName(e.type) else { continue }
        let opinion = try? e.decode(Opinion.self)
        let org = c.staff[e.actor]?.org ?? a.item.organisation
        let time = c.dateTime(e.timestamp)
        t.append([
          number, action(e.type, opinion?.decision).rawValue, name, c.name(e.actor),
          opinion?.text ?? opinion?.reason ?? "", time, time, c.orgName(org), c.creditCode(org),
          "2",
          c.region,
        ])
      }
      if a.status.isOpen, let last = f.events.last, c.includes(c.day(last.timestamp)) {
        let time = c.dateTime(last.timestamp)
        t.append([
          number, StepAction.other.rawValue, a.statusText, "", "", time, time,
          c.orgName(a.item.organisation), c.creditCode(a.item.organisation), "1", c.region,
        ])
      }
    }
    return t
  }

  /// 业务动作 — the standard's three.
  enum StepAction: String {
    case pass = "通过"
    case back = "退回"
    case other = "其他"
  }

  /// 通过 moves the case forward (预审通过, 受理, 准予, 办结); 退回 sends it back to the applicant
  /// (一次性告知, 不予受理, 不予准予); everything else is 其他.
  static func action(_ type: EventType, _ decision: Decision?) -> StepAction {
    switch type {
    case .applicationPreReviewPassed, .applicationAccepted, .applicationDeemedAccepted,
      .applicationConcluded:
      return .pass
    case .applicationSupplementRequested, .applicationNotAccepted: return .back
    case .applicationDecided: return decision == .denied ? .back : .pass
    default: return .other
    }
  }

  /// 环节名称 of each step; nil for an event that is not a step of the case (the rating).
  static func stepName(_ type: EventType) -> String? {
    switch type {
    case .applicationRegistered: return "申请登记"
    case .applicationMaterialsChecked: return "核对材料"
    case .applicationPreReviewPassed: return "网上预审"
    case .applicationAccepted: return "受理"
    case .applicationDeemedAccepted: return "视为受理"
    case .applicationSupplementRequested: return "一次性告知"
    case .applicationSupplemented: return "补正收件"
    case .applicationNotAccepted: return "不予受理"
    case .applicationReviewStarted: return "审查"
    case .applicationClockStopped: return "特别程序开始"
    case .applicationClockResumed: return "特别程序结束"
    case .applicationDecided: return "决定"
    case .applicationConcluded: return "办结"
    case .applicationWithdrawn: return "撤回"
    case .applicationLimitExtended: return "延长审批"
    default: return nil
    }
  }

  static let procedureHeader = [
    "办件编号", "特别程序种类名称", "特别程序种类代码", "特别程序开始时间", "特别程序启动理由或依据", "申请人",
    "特别程序结束时间", "特别程序结果", "特别程序办理意见", "办理单位名称", "办理单位统一社会信用代码", "办理人",
    "行政区划",
  ]

  /// Every clock stop started in the period (A.7 2), and every 延长审批 approved in it (A.7 1).
  /// For a clock stop 申请人 is the staff member who started it, 办理人 who ended it; for an
  /// extension both are the supervisor who approved it, and it ends with the decision.
  static func specialProcedures(_ all: [FoldedStream<Application>], _ c: NationalExportContext)
    -> NationalTable
  {
    var t = NationalTable(header: procedureHeader)
    for f in all {
      let a = f.state
      let starts = f.events.filter { $0.type == .applicationClockStopped }
      let ends = f.events.filter { $0.type == .applicationClockResumed }
      for (i, stop) in a.stops.enumerated() where c.includes(stop.startedOn) {
        let kind = SpecialProcedureKind(stop.kind)
        let start = i < starts.count ? c.dateTime(starts[i].timestamp) : nil
        let end = stop.endedOn == nil ? nil : (i < ends.count ? c.dateTime(ends[i].timestamp) : nil)
        t.append([
          c.caseNumber(a.caseID), kind.name, kind.code,
          start ?? NationalFormat.dateTime(stop.startedOn),
          stop.kind.title + ":" + stop.reason, c.name(stop.startedBy),
          end ?? stop.endedOn.map { NationalFormat.dateTime($0) } ?? "",
          stop.endNote ?? (stop.isRunning ? "进行中" : ""),
          "\(stop.kind.title),承诺\(stop.promisedDays)个工作日,告知书 \(stop.notice)",
          c.orgName(a.item.organisation), c.creditCode(a.item.organisation),
          stop.endedBy.map(c.name) ?? "", c.region,
        ])
      }
      if let e = a.limitExtension, c.includes(e.on) {
        t.append(extensionRow(a, e, f.events, c))
      }
    }
    return t
  }

  /// 延长审批 (A.7 1): approved when recorded; over when the decision is made.
  static func extensionRow(
    _ a: Application, _ e: LimitExtension, _ events: [Event], _ c: NationalExportContext
  ) -> [String] {
    let kind = SpecialProcedureKind.extendedReview
    let start = events.last { $0.type == .applicationLimitExtended }
    let decided = events.last { $0.type == .applicationDecided }
    let due = a.mainDue(c.calendar).map { $0.iso } ?? ""
    return [
      c.caseNumber(a.caseID), kind.name, kind.code,
      start.map { c.dateTime($0.timestamp) } ?? NationalFormat.dateTime(e.on),
      "行政许可法第四十二条:" + e.reason, c.name(e.by),
      decided.map { c.dateTime($0.timestamp) } ?? "",
      a.decision.map { "已作出决定(\($0.title))" } ?? "进行中",
      "批准延长\(e.days)个工作日,办结期限至\(due),告知书 \(e.notice)",
      c.orgName(a.item.organisation), c.creditCode(a.item.organisation), c.name(e.by), c.region,
    ]
  }
}
