import Domain
import Store

extension SupervisionPane {
  mutating func handleOverlay(_ key: Key, _ context: AppContext) -> PaneResponse {
    guard let current = overlay else { return .ignored }
    switch current {
    case .form(var form, let purpose):
      switch form.handle(key, fieldWidth: 40) {
      case .submit: return submit(form, purpose, context)
      case .cancel:
        overlay = nil
        return .toast(.info("已取消,未保存"))
      case .edited, .none: overlay = .form(form, purpose: purpose)
      }
      return .handled
    case .confirm(let dialog):
      switch dialog.handle(key) {
      case .confirmed: return execute(context)
      case .cancelled:
        overlay = pending?.form
        pending = nil
        return .toast(.info("已取消"))
      case .none: return .handled
      }
    case .picker: overlay = nil
    }
    return .handled
  }

  mutating func submit(_ form: Form, _ purpose: String, _ context: AppContext) -> PaneResponse {
    var f = form
    f.clearErrors()
    guard f.checkRequired() else { return refuse(f, purpose, "请填写标记为必填的项目") }
    let kept = Overlay.form(f, purpose: purpose)
    if purpose == "export" { return submitTimelinessExport(f, context) }
    if purpose == "supervise", let t = pendingTarget {
      guard let days = Int(f["days"]), (1...30).contains(days) else {
        return fieldError(f, purpose, "days", "应为1至30的整数")
      }
      let method = SupervisionMethod.allCases.first { $0.title == f["method"] } ?? .online
      let due = context.calendar.deadline(receivedAt: context.today, workingDays: days)
      ask(
        "督办",
        [
          "向\(t.orgName)发出\(method.title)通知?",
          "\(CaseKindWording.title(t.kind)) \(t.caseID),回复期限 \(due.iso)。",
        ],
        .supervise(t, method, f["requirement"], days), kept, done: "已向\(t.orgName)发出督办通知")
    } else if purpose.hasPrefix("reply:") {
      let id = String(purpose.dropFirst(6))
      ask("回复督办", ["提交回复?回复后不能修改。"], .reply(id, f["text"]), kept, done: "已回复督办")
    } else if purpose == "draw" {
      guard let from = CivilDate(iso: f["from"]) else {
        return fieldError(f, purpose, "from", "日期格式应为 YYYY-MM-DD")
      }
      guard let to = CivilDate(iso: f["to"]) else {
        return fieldError(f, purpose, "to", "日期格式应为 YYYY-MM-DD")
      }
      guard let size = Int(f["size"]), (1...200).contains(size) else {
        return fieldError(f, purpose, "size", "应为1至200的整数")
      }
      guard let seed = SpotCheckSampler.parse(f["seed"]) else {
        return fieldError(f, purpose, "seed", "应为1至16位十六进制数")
      }
      ask(
        "抽查", ["从 \(from.iso) 至 \(to.iso) 办结的投诉建议中随机抽取\(size)件?", "种子 \(f["seed"]),抽取结果将记入事件日志。"],
        .draw(from, to, size, seed), kept, done: "已抽取样本")
    } else if purpose.hasPrefix("verdict:"), case .spotItems(let id) = mode {
      let caseID = String(purpose.dropFirst(8))
      let verdict = SpotCheckVerdict.allCases.first { $0.title == f["verdict"] } ?? .pass
      ask(
        "抽查结论", ["\(caseID): \(verdict.title)?", "记录后不能修改。"],
        .verdict(id, caseID, verdict, f["note"]), kept, done: "已记录抽查结论")
    }
    return .handled
  }

  mutating func ask(
    _ title: String, _ lines: [String], _ work: Work, _ form: Overlay, done: String
  ) {
    pending = (work, form, done)
    overlay = .confirm(ConfirmDialog(title: title, lines: lines, action: "perform"))
  }

  mutating func execute(_ context: AppContext) -> PaneResponse {
    guard let p = pending else {
      overlay = nil
      return .handled
    }
    let staff = context.staff
    var done = p.done
    do {
      switch p.work {
      case .supervise(let t, let method, let requirement, let days):
        let id = try service.issueSupervision(
          on: t, method: method, requirement: requirement, replyDays: days, by: staff)
        // The 文号 the list and the paper show, not the stream's id (BYQ-DB-2026-0003).
        done += " \(try service.supervisionNumber(id: id) ?? id)"
      case .reply(let id, let text): try service.replySupervision(id: id, reply: text, by: staff)
      case .draw(let from, let to, let size, let seed):
        let id = try service.drawSpotCheck(from: from, to: to, size: size, seed: seed, by: staff)
        done += " \(id)"
        mode = .spotItems(id: id)
        itemCursor = ListCursor()
      case .verdict(let id, let caseID, let verdict, let note):
        try service.recordSpotCheckVerdict(
          id: id, caseID: caseID, verdict: verdict, note: note, by: staff)
      }
    } catch {
      // The refusal may come from a change made elsewhere (the notice answered, the sample
      // judged in another window): read again so the screen shows where it stands now, and say so.
      let before = stateShown(p.work)
      reload(context)
      var message = CLI.message(for: error)
      if let now = stateShown(p.work), now != before { message += StaleNote.text(now) }
      if case .form(var f, let purpose) = p.form {
        f.message = message
        overlay = .form(f, purpose: purpose)
      } else {
        overlay = nil
      }
      pending = nil
      return .toast(.error(message))
    }
    overlay = nil
    pending = nil
    reload(context)
    return .toast(.info(done))
  }

  /// The state of what a step acts on, as this screen last read it (nil: nothing to compare).
  func stateShown(_ work: Work) -> String? {
    switch work {
    case .reply(let id, _):
      return notices.first { $0.id == id }.map { $0.reply == nil ? "待回复" : "已回复" }
    case .verdict(_, let caseID, _, _):
      return items.first { $0.caseID == caseID }.map { $0.verdict?.title ?? "未检查" }
    case .supervise, .draw:
      return nil
    }
  }

  mutating func refuse(_ f: Form, _ purpose: String, _ message: String) -> PaneResponse {
    var form = f
    form.message = message
    if let first = form.firstError { form.focus(on: first) }
    overlay = .form(form, purpose: purpose)
    return .toast(.error(message))
  }

  mutating func fieldError(_ f: Form, _ purpose: String, _ key: String, _ message: String)
    -> PaneResponse
  {
    var form = f
    form.setError(key, message)
    return refuse(form, purpose, message)
  }

  mutating func openNotice(_ id: String, _ context: AppContext) {
    guard let s = notices.first(where: { $0.id == id }) else { return }
    var lines: [DetailLine] = [
      .heading("督办通知 \(s.number)"),
      .field("方式", s.method.title),
      .field("对象", "\(CaseKindWording.title(s.targetKind)) \(s.targetCase)"),
      .field("单位", orgNames[s.org] ?? s.org),
      .field("标题", s.title),
      .field("发出", "\(s.issuedOn.iso) \(names[s.issuedBy] ?? s.issuedBy)"),
      .field("督办要求", s.requirement),
    ]
    if let reply = s.reply, let on = s.repliedOn {
      lines.append(.field("回复期限", s.replyDue.iso))
      lines.append(
        .field(
          "回复",
          "\(on.iso) \(names[s.repliedBy ?? ""] ?? s.repliedBy ?? "") \(on <= s.replyDue ? "按期" : "逾期"): \(reply)"
        ))
    } else {
      let cd = context.calendar.countdown(today: context.today, due: s.replyDue)
      lines.append(
        .styled("回复期限", "\(s.replyDue.iso)  \(cd.label)  待回复", CountdownBadge.style(cd)))
    }
    noticeView = DetailView(lines: lines)
  }
}
