import Domain

/// 表9 政务服务绩效评价, 表10 办事互动 (投诉) and 表11 电子监察 (督办).
enum NationalInteractions {
  static let ratingHeader = [
    "办件编号", "评价渠道", "评价人", "评价时间", "评价次数", "满意度", "满意度代码", "文字评价", "行政区划",
  ]

  /// Every rating given in the period (by its 评价日期); 办件编号 empty when it names no case.
  /// 评价次数 counts the ratings of the same case up to this one.
  static func ratings(_ all: [FoldedStream<RatingRecord>], _ c: NationalExportContext)
    -> NationalTable
  {
    var t = NationalTable(header: ratingHeader)
    var seen: [String: Int] = [:]
    let ordered = all.map(\.state).sorted { ($0.recordedAt, $0.id) < ($1.recordedAt, $1.id) }
    for r in ordered {
      let input = r.rating
      var count = 1
      if let id = input.serviceCaseID {
        count = (seen[id] ?? 0) + 1
        seen[id] = count
      }
      guard c.includes(r.ratedOn) else { continue }
      // A rating registered by hand on a later day carries its own date, not the typing time.
      let time =
        c.day(r.recordedAt) == r.ratedOn
        ? c.dateTime(r.recordedAt) : NationalFormat.dateTime(r.ratedOn)
      let level = SatisfactionCode.of(input.level)
      t.append([
        input.serviceCaseID.map(c.caseNumber) ?? "",
        EvaluationChannel(input.channel).name,
        input.realName ? input.reviewerName ?? "" : "匿名", time, String(count),
        level?.name ?? input.level.title, level?.code ?? "", input.comment, c.region,
      ])
    }
    return t
  }

  /// 投诉编号 (our case number, letters and digits) is an added key column.
  static let complaintHeader = [
    "投诉编号", "投诉标题", "投诉人", "被投诉单位", "投诉内容", "投诉来源", "投诉时间", "承办单位代码", "承办单位名称",
    "承办人", "承办时间", "反馈信息", "反馈时间", "承诺时限", "延期时限", "延期原因", "超期天数", "行政区划",
  ]

  /// Every complaint registered in the period. A confidential one (涉密、商业秘密、隐私、不公开)
  /// goes without its title, content, complainant and feedback: dates and organisations only.
  /// 超期天数 is counted up to its conclusion or the period's end, so the file does not change
  /// with the day it is made.
  static func complaints(_ all: [FoldedStream<Complaint>], _ c: NationalExportContext)
    -> NationalTable
  {
    var t = NationalTable(header: complaintHeader)
    for f in all where c.includes(f.state.registeredOn) {
      let p = f.state
      let reg = p.registration
      let open = !p.isConfidential
      func time(_ type: EventType) -> String {
        f.events.last { $0.type == type }.map { c.dateTime($0.timestamp) } ?? ""
      }
      let round = p.currentRound
      let concluded = round.conclusion
      let end = min(concluded?.on ?? c.to, c.to)
      let overdue = end > round.due ? c.calendar.workingDays(after: round.due, through: end) : 0
      let extended = p.extensionRequest.flatMap { $0.state == .approved ? $0 : nil }
      t.append([
        c.caseNumber(p.id), open ? reg.subject : "", open ? reg.complainant : "",
        reg.concernedOrgName, open ? reg.content : "", reg.channel.title,
        f.events.first.map { c.dateTime($0.timestamp) } ?? NationalFormat.dateTime(p.registeredOn),
        c.creditCode(p.handlingOrg), p.handlingOrgName, p.handler.map(c.name) ?? "",
        time(.complaintDispatched), open ? concluded?.text ?? "" : "",
        concluded == nil ? "" : time(.complaintConcluded),
        NationalFormat.dateTime(round.due, endOfDay: true),
        extended.map { "\($0.days)个工作日" } ?? "", extended?.reason ?? "", String(overdue),
        c.region,
      ])
    }
    return t
  }

  static let supervisionHeader = [
    "办件编号", "督办内容", "机构名称", "事项类型代码", "督办发出时间", "监察编号", "状态产生时间", "监察结果描述",
    "责任部门", "行政区划",
  ]

  /// Every 督办 notice issued in the period; 事项类型代码 for a notice about an application
  /// (the others are complaints and rectifications, which have no item type).
  static func supervision(
    _ all: [FoldedStream<Supervision>], _ applications: [FoldedStream<Application>],
    _ c: NationalExportContext
  ) -> NationalTable {
    var t = NationalTable(header: supervisionHeader)
    let types = Dictionary(
      applications.map { ($0.state.caseID, $0.state.item.type) }, uniquingKeysWith: { a, _ in a })
    for f in all where c.includes(f.state.issuedOn) {
      let s = f.state
      let target = s.notice.target
      let issued =
        f.events.first.map { c.dateTime($0.timestamp) } ?? NationalFormat.dateTime(s.issuedOn)
      let replied = f.events.last { $0.type == .supervisionReplied }
      let type = types[target.caseID].flatMap { $0 }.map { MatterType($0).code } ?? ""
      t.append([
        c.caseNumber(target.caseID), s.notice.requirement, target.orgName, type,
        issued, s.notice.number, replied.map { c.dateTime($0.timestamp) } ?? issued,
        s.reply.map { "已回复:" + $0.text } ?? "待回复", target.orgName, c.region,
      ])
    }
    return t
  }
}
