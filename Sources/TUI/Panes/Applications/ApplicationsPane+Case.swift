import Domain
import Foundation
import Store

extension ApplicationsPane {
  /// Opens a case once it is read (saying so when it is not there).
  mutating func openCase(_ caseID: String, announce: Bool = true) -> Update<ApplicationEffect> {
    deliveries = []
    detail = DetailView()
    return .run(.readCase(caseID, .open(announce: announce)))
  }

  /// A case read: shown (keeping the scroll), opened, or the reason a step was refused.
  mutating func caseRead(
    _ caseID: String, _ use: CaseRead, _ result: Result<ApplicationCaseRead, any Error>,
    _ context: AppContext
  ) -> PaneResponse {
    switch result {
    case .success(let read):
      view = read.view
      stepRefusals = read.refusals
      workOpen = read.work
      loadError = nil
    case .failure(let error):
      view = nil
      stepRefusals = [:]
      loadError = CLI.message(for: error)
    }
    if let view {
      let scroll = detail.scroll
      detail = DetailView(
        lines: Self.detailLines(view, deliveries, context)
          + RelatedCases.lines(service, .application, caseID, for: context.staff))
      for _ in 0..<scroll { _ = detail.handle(.down, height: 1) }
    }
    switch use {
    case .refresh: return .handled
    case .open(let announce):
      guard view != nil else {
        return announce ? .toast(.error("办件\(caseID)不存在")) : .handled
      }
      mode = .detail(caseID)
      return .handled
    case .refused(var text, let eventsBefore):
      // The refusal may come from a change made elsewhere (another window, a sync): the case
      // was read again so the screen shows where it stands now; say so.
      if let a = view?.application, let eventsBefore, view?.events.count != eventsBefore {
        text += StaleNote.text(a.status.title, subject: "该办件")
      }
      switch layer {
      case .form(var f, let kind):
        f.message = text
        layer = .form(f, kind)
      case .supplement(var e):
        e.message = text
        layer = .supplement(e)
      default: break
      }
      return .toast(.error(text))
    }
  }

  mutating func handleCase(_ key: Key, _ context: AppContext) -> Update<ApplicationEffect> {
    if let key = Self.caseKeys.command(for: key, as: CaseWorkKey.self) {
      return startWork(key, context)
    }
    guard let command = Self.caseKeys.command(for: key, as: CaseCommand.self) else {
      return .ignored
    }
    if command == .back {
      mode = .list
      view = nil
      deliveries = []
      return .run(.reload)
    }
    if command == .scroll {
      _ = detail.handle(key, height: page)
      return .handled
    }
    guard let a = view?.application else { return .toast(.error(loadError ?? "办件不存在")) }
    return Update(startStep(command, a, context))
  }

  // MARK: - Detail

  static func detailLines(
    _ v: ApplicationView, _ deliveries: [NoticeDelivery], _ context: AppContext
  ) -> [DetailLine] {
    let a = v.application
    func who(_ login: String) -> String { v.names[login] ?? login }
    func org(_ code: String) -> String { v.organisationNames[code] ?? code }
    var out: [DetailLine] = []
    if !deliveries.isEmpty {
      out.append(.heading("刚生成的文书"))
      for d in deliveries {
        // The label names the notice; the value is its number, where it went and any problem.
        let value = String(d.summary.dropFirst(d.notice.kind.title.count + 1))
        out.append(.styled(d.notice.kind.title, value, d.hasProblem ? .danger : .ok))
      }
      out.append(.blank)
    }
    out.append(.heading("申请人"))
    out.append(.field(a.applicant.kind.nameLabel, "\(a.applicant.name)(\(a.applicant.kind.title))"))
    out.append(.field(a.applicant.kind.idLabel, a.applicant.idNumber))
    out.append(.field("联系电话", a.applicant.phone))
    out.append(
      .field(
        "登记",
        "\(a.registeredOn.iso) \(a.channel.title) \(who(a.registeredBy))(\(org(a.registeredOrg)))"))
    if let p = a.platform {
      let at = context.zone.format(Date(timeIntervalSince1970: Double(p.appliedAt) / 1000))
      out.append(.field("平台办件编号", "\(p.number)(省平台推送,申请时间 \(at))"))
    }
    if !a.note.isEmpty { out.append(.field("备注", a.note)) }
    out += Self.assistanceLines(a.assistance)
    out.append(.heading("事项"))
    out.append(.field("事项", "\(a.item.name)(\(a.item.code) 第\(a.item.version)版)"))
    out.append(.field("实施机关", a.item.organisationName))
    out.append(.field("承诺时限", "\(a.item.promisedText)(法定\(a.item.legalDays)个工作日)"))
    out.append(.field("收费标准", a.item.fee))
    if !a.item.result.isEmpty { out.append(.field("办理结果", a.item.result)) }
    out.append(.heading("申请材料"))
    if a.item.materials.isEmpty { out.append(.text("本事项无需申请材料")) }
    for (m, s) in zip(a.item.materials, a.materials) {
      out.append(
        .styled(
          "[\(s.title)]", "\(m.name)  \(m.summary)",
          MaterialChecklist.style(s, required: m.required)))
    }
    out += timeLines(a, context, who)
    out += resultLines(a, context.calendar, who)
    if !a.notices.isEmpty {
      out.append(.heading("文书(按 n 重新生成)"))
      for n in a.notices {
        out.append(.field(n.kind.title, "\(n.number) \(n.issuedOn.iso) \(who(n.issuedBy))"))
      }
    }
    out.append(.blank)
    out += CaseWorkLines.fields(a.work, assignee: a.work.assignee, names: v.names)
    out += Timeline.lines(v.events, names: v.names, zone: context.zone)
    return out
  }

  static func timeLines(
    _ a: Application, _ context: AppContext, _ who: (String) -> String
  ) -> [DetailLine] {
    var out: [DetailLine] = [.heading("时限")]
    let cal = context.calendar
    if let end = a.preReviewLimitEnd(cal) {
      out.append(.field("预审时限", "\(end.iso)前(\(a.preReviewDays)个工作日),逾期视为受理"))
    }
    for (i, r) in a.supplementRequests.enumerated() {
      out.append(.field("一次性告知", "第\(i + 1)次 \(r.on.iso) \(who(r.by)) 列明\(r.items.count)项材料"))
    }
    if let accepted = a.acceptedOn {
      var text = accepted.iso
      if let deemed = a.deemedOn {
        text += "(逾期未预审,\(deemed.iso)依法视为受理,行政许可法第三十二条)"
      } else if let r = a.acceptance {
        text += " \(who(r.by))"
      }
      out.append(.field("受理日期", text))
    }
    for s in a.stops {
      let end = s.promisedEnd(cal)
      let text: String
      if let e = s.endedOn {
        let used = cal.workingDays(after: s.startedOn, through: e)
        text = "\(s.kind.title) \(s.startedOn.iso)至\(e.iso),用时\(used)个工作日(承诺\(s.promisedDays)个)"
      } else {
        text = "\(s.kind.title) \(s.startedOn.iso)起,进行中,预计\(end.iso)结束(承诺\(s.promisedDays)个工作日)"
      }
      out.append(.field("特别程序", text))
    }
    if let e = a.limitExtension {
      out.append(
        .field("延长审批", "\(e.on.iso) \(who(e.by))批准延长\(e.days)个工作日(\(e.notice)): \(e.reason)"))
    }
    if let clock = a.queueClock(cal) {
      let cd = cal.countdown(today: context.today, due: clock.due)
      let label = clock.paused ? "暂停" : cd.label
      let what = clock.purpose == "main" ? "办结期限" : "受理期限"
      var due = clock.due.iso
      if clock.paused {
        due = a.status == .awaitingSupplement ? "等待申请人补正" : "\(due)(按特别程序承诺时长推算)"
      }
      out.append(.styled(what, "\(due)  \(label)", CountdownBadge.style(cd, paused: clock.paused)))
    }
    return out
  }

  static func resultLines(
    _ a: Application, _ calendar: WorkCalendar, _ who: (String) -> String
  ) -> [DetailLine] {
    var out: [DetailLine] = []
    if let p = a.preReview {
      out.append(.field("网上预审", "通过 \(p.on.iso) \(who(p.by)) \(p.text)"))
    }
    if let r = a.review { out.append(.field("审查", "\(r.on.iso) \(who(r.by)) \(r.text)")) }
    if let d = a.decision, let r = a.decisionRecord {
      out.append(.field("决定", "\(d.title) \(r.on.iso) \(who(r.by)) \(r.text)"))
    }
    if let c = a.conclusion {
      var parts = [c.on.iso, c.delivery.title]
      if !c.trackingNumber.isEmpty { parts.append("单号 \(c.trackingNumber)") }
      if !c.certificateName.isEmpty { parts.append("《\(c.certificateName)》\(c.certificateNumber)") }
      parts.append(c.feeFen == 0 ? "未收费" : "收费\(ApplicationRules.feeText(c.feeFen))元")
      out.append(.field("办结", parts.joined(separator: " ")))
      // Whether the promise was kept, against the 办结期限 the case had (its clock stops counted).
      if let onTime = a.concludedOnTime(calendar), let due = a.mainDue(calendar) {
        out.append(
          .styled(
            "时效", onTime ? "按时办结(办结期限 \(due.iso))" : "超期办结(办结期限 \(due.iso))",
            onTime ? .ok : .danger))
      }
    }
    if let r = a.refusal { out.append(.field("不予受理", "\(r.on.iso) \(who(r.by)) \(r.text)")) }
    if let w = a.withdrawal { out.append(.field("撤回", "\(w.on.iso) \(w.text)")) }
    if let r = a.rating {
      var text = "\(r.level)(\(r.realName ? "实名" : "匿名")) \(r.on.iso)"
      if let id = r.ratingID { text += " \(id)" }
      if let c = r.rectificationID { text += ",差评整改 \(c)" }
      out.append(.field("评价", text))
    }
    return out.isEmpty ? [] : [.heading("办理")] + out
  }

  func renderCase(into frame: inout Frame, area: Rect, _ context: AppContext) {
    guard let v = view else {
      frame.put(loadError ?? "办件不存在", x: area.x, y: area.y, maxWidth: area.width, style: .danger)
      return
    }
    let a = v.application
    frame.put(
      "\(a.caseID)  \(a.item.name)", x: area.x, y: area.y, maxWidth: area.width, style: .bold)
    var x = area.x
    if let clock = a.queueClock(context.calendar) {
      let cell = CountdownBadge.cell(due: clock.due, paused: clock.paused, context)
      x += frame.put(cell.text, x: x, y: area.y + 1, style: cell.style ?? .normal) + 2
    }
    let status = a.deemedOn != nil && a.status == .accepted ? "视为受理" : a.statusText
    frame.put(
      "\(status)  \(a.applicant.name)  \(a.item.organisationName)", x: x, y: area.y + 1,
      maxWidth: area.maxX - x)
    detail.render(
      into: &frame, area: Rect(x: area.x, y: area.y + 3, width: area.width, height: area.height - 3)
    )
  }
}
