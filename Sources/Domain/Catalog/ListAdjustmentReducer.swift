import Foundation

extension Action {
  /// 登记、核销清单调整 — catalog managers of the district.
  public static let recordListAdjustment = Action(
    "catalog.listAdjustment", "登记清单调整", roles: [.catalog])
}

/// 清单调整 stream `listadj/CASE-ID`.
public enum ListAdjustmentReducer: RecordReducer {
  public typealias State = ListAdjustment
  public static let streamKind = "listadj"

  public static let noun = "清单调整"

  public static func next(_ state: State?, _ event: Event, _ context: FoldContext) throws -> State?
  {
    switch event.type {
    case .listAdjustmentRecorded:
      guard state == nil else { throw Refusal("清单调整已登记") }
      return ListAdjustment(
        id: String(splitStream(event.stream).id),
        record: try event.decode(ListAdjustmentRecord.self), recordedBy: event.actor,
        recordedOn: context.zone.civilDate(event.date), settled: [:], state: .open)
    case .listAdjustmentItemSettled:
      guard var a = state, a.state == .open else { throw Refusal("清单调整任务已办结") }
      let s = try event.decode(ListAdjustmentSettlement.self)
      guard a.record.items.contains(s.code), a.settled[s.code] == nil else {
        throw Refusal("事项「\(s.code)」不在本次调整中或已更新")
      }
      a.settled[s.code] = s.changeID
      if a.unsettled.isEmpty { a.state = .settled }
      return a
    case .listAdjustmentClosed:
      guard var a = state, a.state == .open else { throw Refusal("清单调整任务已办结") }
      a.closedReason = try event.decode(ChangeNote.self).note
      a.closedBy = event.actor
      a.state = .closed
      return a
    default:
      return nil
    }
  }
}

/// 清单调整规则 (第十条): the catalog is updated within 10 working days of a list's adjustment.
public enum ListAdjustmentRules {
  // > 权责清单、行政许可事项清单 … 发生调整后,各乡镇街道、部门单位应在10个工作日内对政务服务事项库进行更新。
  public static let updateLimit = 10
  public static let article = "第十条"

  /// The last day to update the catalog.
  public static func due(_ r: ListAdjustmentRecord, calendar: WorkCalendar) -> CivilDate {
    calendar.deadline(receivedAt: r.adjustedOn, workingDays: updateLimit)
  }

  /// Item codes as a manager types them: separated by commas, 、, spaces or line breaks.
  public static func parseCodes(_ text: String) -> [String] {
    let separators = CharacterSet(charactersIn: ",\u{FF0C}\u{3001};\u{FF1B} \n\t")
    return text.components(separatedBy: separators).map {
      $0.trimmingSpaces().uppercased()
    }.filter { !$0.isEmpty }
  }

  /// Checks a new adjustment before it is recorded.
  public static func check(_ r: ListAdjustmentRecord, today: CivilDate, organisations: Set<String>)
    -> Refusal?
  {
    if r.adjustedOn > today { return Refusal("调整日期不能晚于今天(\(today.iso))") }
    if let p = FieldText.check(r.document, field: "调整依据", required: true, maxLength: 60) {
      return Refusal(p.message)
    }
    if let p = FieldText.check(
      r.description, field: "调整内容", required: false, maxLength: 500, multiline: true)
    {
      return Refusal(p.message)
    }
    if !organisations.contains(r.organisation) {
      return Refusal("责任单位「\(r.organisation)」不存在")
    }
    guard !r.items.isEmpty else { return Refusal("至少填写一个涉及的事项编码") }
    guard r.items.count <= 100 else { return Refusal("一次调整涉及的事项不能超过100个") }
    var seen = Set<String>()
    for code in r.items {
      if let m = CatalogItem.checkCode(code) { return Refusal("事项编码「\(code)」\(m)") }
      if !seen.insert(code).inserted { return Refusal("事项编码「\(code)」重复") }
    }
    return nil
  }

  /// Checks 核销: only an open task, and the reason is required.
  public static func checkClose(_ a: ListAdjustment?, reason: String) -> Refusal? {
    guard let a else { return Refusal("清单调整任务不存在") }
    guard a.state == .open else { return Refusal("清单调整任务 \(a.id) \(a.state.title),不能再核销") }
    return FieldText.check(reason, field: "核销原因", required: true, maxLength: 500, multiline: true)
      .map { Refusal($0.message) }
  }
}
