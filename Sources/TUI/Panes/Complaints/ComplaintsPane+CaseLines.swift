import Domain
import Store

extension ComplaintsPane {
  func name(_ login: String?) -> String {
    guard let login else { return "-" }
    return names[login] ?? login
  }

  /// The case view's lines: what the operator may see of it, then its whole history.
  func caseLines(_ d: CaseDetail, _ ctx: AppContext) -> [DetailLine] {
    let c = d.complaint
    let r = c.registration
    guard d.content != .hidden else {
      // > 对涉及国家秘密、商业秘密、个人隐私等或者投诉人要求不公开的事项,应当做好保密工作 (第二十九条)
      return [
        .heading("保密案件"),
        .text("本件涉及「\(r.confidentiality.title)」,内容仅承办单位和督办人员可查看。"),
        .field("状态", c.status.title),
      ]
    }
    var out: [DetailLine] = [.heading("基本信息")]
    out.append(.field("类型", "\(r.type.title)  \(r.urgency.title)  渠道 \(r.channel.title)"))
    if let t = r.ticketNumber { out.append(.field("上级工单号", t)) }
    if let l = r.relatedCase { out.append(.field("关联案件", l)) }
    out.append(.field("状态", ComplaintFormat.statusText(c)))
    out.append(.field("承办单位", c.handlingOrgName))
    out += CaseWorkLines.fields(c.work, assignee: c.handler, names: names)
    out.append(.field("涉及单位", r.concernedOrgName))
    out.append(
      .field("登记", "\(c.registeredOn.iso) \(name(c.registeredBy)) (\(r.registeringOrgName))"))
    out.append(.field("办理时限", "\(r.limitDays)个工作日(\(r.urgency.title),第三十二条)"))
    if let due = c.due {
      let cd = ctx.calendar.countdown(today: ctx.today, due: due)
      let stage = rules.escalation.stage(cd).title
      out.append(
        .styled(
          "办结期限",
          "\(due.iso) 星期\(due.weekdayName)  \(cd.label)" + (stage.isEmpty ? "" : "  \(stage)"),
          CountdownBadge.style(cd)))
    }
    if let on = c.dispatchedOn, let until = c.returnUntil {
      let window =
        c.isReturnable(on: ctx.today)
        ? "可退回至 \(until.iso) 当日结束" : "退回期限 \(until.iso) 已过,视为已受理(第三十三条)"
      out.append(.field("分派", "\(on.iso) \(name(c.dispatcher)) 分派至\(c.handlingOrgName);\(window)"))
    }
    if let x = c.extensionRequest {
      let state = x.decidedBy == nil ? "(\(x.state.title))" : ""
      var text = "\(x.requestedOn.iso) \(name(x.requestedBy)) 申请\(x.days)个工作日\(state): \(x.reason)"
      if x.state == .withdrawn { text += ";办结时撤回" }
      if let by = x.decidedBy, let on = x.decidedOn {
        text +=
          ";\(on.iso) \(name(by)) \(x.state.title)"
          + ((x.note ?? "").isEmpty ? "" : ": \(x.note ?? "")")
      }
      out.append(.field("延期", text))
    }
    if let p = c.mergedInto { out.append(.field("合并", "并入主件 \(p)(随主件办理,单独答复和回访)")) }
    if !c.mergedSources.isEmpty {
      out.append(.field("合并", "并入本件: " + c.mergedSources.joined(separator: "、")))
    }
    if c.isConfidential { out.append(.styled("保密", r.confidentiality.title, .warning)) }
    out += contentLines(d, ctx)
    out += roundLines(c)
    out += supervisionLines(d, ctx)
    out +=
      [.blank]
      + Timeline.lines(
        d.events, names: names, zone: ctx.zone, withholdingNotes: d.content != .full)
    return out
  }

  func contentLines(_ d: CaseDetail, _ ctx: AppContext) -> [DetailLine] {
    let c = d.complaint
    let r = c.registration
    var out: [DetailLine] = [.blank, .heading("投诉建议内容"), .field("标题", r.subject)]
    if d.content == .onReveal {
      out.append(.text("保密内容已隐藏。按 v 查看(查看将记入办理过程)。"))
      return out
    }
    // The store masked the number for anyone outside the handling organisation (`Visibility`).
    out.append(.text(r.content))
    out.append(.field("投诉人", r.complainant.isEmpty ? "匿名" : r.complainant))
    if !r.contact.isEmpty { out.append(.field("联系电话", r.contact)) }
    if let why = r.anonymousReason { out.append(.field("回访", "无法回访(匿名):\(why)")) }
    return out
  }

  func roundLines(_ c: Complaint) -> [DetailLine] {
    var out: [DetailLine] = []
    if let j = c.rejection {
      out += [
        .blank, .heading("不予受理(第三十一条)"),
        .field(j.on.iso, "\(name(j.by)): \(j.reason.title)" + (j.note.isEmpty ? "" : ";\(j.note)")),
      ]
    }
    if !c.returns.isEmpty {
      out += [.blank, .heading("退回记录")]
      for r in c.returns { out.append(.field(r.on.iso, "\(r.orgName) \(name(r.by)): \(r.reason)")) }
    }
    guard c.rounds.count > 1 || c.rounds.first?.conclusion != nil else { return out }
    out += [.blank, .heading("办理结果")]
    for round in c.rounds {
      let ext = round.extendedDays > 0 ? ",延期\(round.extendedDays)日" : ""
      out.append(
        .field(
          "第\(round.number)轮",
          "\(round.startedOn.iso) 起 \(round.limitDays)个工作日\(ext),期限 \(round.due.iso)"))
      if let k = round.conclusion {
        let timing = k.onTime ? "按期" : "超期"
        out.append(.field("  \(k.kind.title)", "\(k.on.iso) \(name(k.by)) \(timing): \(k.text)"))
      }
      if let b = round.callback {
        out.append(
          .field(
            "  回访",
            "\(b.on.iso) \(name(b.by)) \(b.method.title) \(b.satisfaction.title): \(b.notes)"))
      }
      if let n = round.noCallback {
        out.append(.field("  回访", "\(n.on.iso) \(name(n.by)) 无法回访: \(n.reason)"))
      }
    }
    return out
  }

  func supervisionLines(_ d: CaseDetail, _ ctx: AppContext) -> [DetailLine] {
    guard !d.supervisions.isEmpty else { return [] }
    var out: [DetailLine] = [.blank, .heading("督办(第三十条)")]
    for s in d.supervisions {
      out.append(
        .field(
          "督办通知",
          "\(s.number) \(s.issuedOn.iso) \(name(s.issuedBy)) \(s.method.title): \(s.requirement)"))
      if let reply = s.reply, let on = s.repliedOn {
        let timing = on <= s.replyDue ? "按期" : "逾期"
        out.append(.field("  回复", "\(on.iso) \(name(s.repliedBy)) \(timing): \(reply)"))
      } else {
        let cd = ctx.calendar.countdown(today: ctx.today, due: s.replyDue)
        out.append(
          .styled("  回复期限", "\(s.replyDue.iso)  \(cd.label)  待回复", CountdownBadge.style(cd)))
      }
    }
    return out
  }
}

/// Shared wording of a case's state and badge for lists and the case view.
enum ComplaintFormat {
  static func statusText(_ c: Complaint) -> String {
    if c.extensionRequest?.state == .pending { return "\(c.status.title)(延期待批)" }
    if c.status == .awaitingDispatch && !c.returns.isEmpty { return "已退回,待重新分派" }
    if c.status.awaitsCallback {
      return c.registration.isAnonymous ? "\(c.status.title),匿名待记录无法回访" : "\(c.status.title),待回访"
    }
    if c.status == .closed, c.currentRound.noCallback != nil { return "已结案(匿名,无法回访)" }
    return c.status.title
  }

  static func statusText(_ r: ComplaintRow) -> String {
    if r.extensionState == .pending { return "延期待批" }
    if r.status == .merged { return "已并入" }
    if r.status.awaitsCallback { return r.status == .invalid ? "无效待回访" : "待回访" }
    return r.status.title(notCalledBack: r.notCalledBack)
  }

  /// 剩N日 / 今日到期 / 超期N日 for open cases; the state, dimmed, for the others.
  static func badge(
    due: CivilDate?, status: ComplaintStatus, notCalledBack: Bool, _ ctx: AppContext
  ) -> TableCell {
    guard let due else { return TableCell(status.title(notCalledBack: notCalledBack), style: .dim) }
    return CountdownBadge.cell(due: due, ctx)
  }

  /// 预警 / 催办 / 通报 from the rule table's ladder.
  static func stage(due: CivilDate?, _ ctx: AppContext, _ rules: RuleTable) -> TableCell {
    guard let due else { return "" }
    let stage = rules.escalation.stage(ctx.calendar.countdown(today: ctx.today, due: due))
    switch stage {
    case .none: return ""
    case .warning: return TableCell(stage.title, style: .warning)
    case .reminder, .notice: return TableCell(stage.title, style: .danger)
    }
  }
}
