import Domain
import Store

/// 关联 / 取消关联 (`L`) in every case view: the case to link is typed as F7 takes it (its number,
/// its last digits, a phone …) and found within what the operator may see; a link is removed
/// from either end, with the reason.
extension StepFlow {
  mutating func openLink(_ s: CaseWorkSubject, purpose: (CaseWorkPurpose) -> Purpose) {
    guard !s.linked.isEmpty else { return show(CaseWorkFlow.linkForm(s), purpose(.link)) }
    let options =
      [Picker.Option(id: "", label: "新增关联案件…")]
      + s.linked.map {
        Picker.Option(id: $0.caseID, label: "取消关联 \($0.caseID)  \($0.label)", keywords: $0.caseID)
      }
    pick(Picker(title: "\(s.caseID) 的关联案件", options: options), purpose(.linkChoice))
  }

  mutating func pickedLink(
    _ option: Picker.Option, _ s: CaseWorkSubject, purpose: (CaseWorkPurpose) -> Purpose
  ) {
    guard !option.id.isEmpty else { return show(CaseWorkFlow.linkForm(s), purpose(.link)) }
    var f = Form(
      title: "取消关联 \(s.caseID) — \(option.id)",
      fields: [
        .area("reason", "取消理由", max: CaseWorkLimits.reasonLength, lines: 3, required: true)
      ])
    f.footer = ["两件案件的视图都不再列出此关联;关联和取消都保留在办理过程中。"]
    show(f, purpose(.unlink(case: option.id)))
  }

  mutating func submittedLink(
    _ f: Form, _ p: CaseWorkPurpose, _ s: CaseWorkSubject,
    purpose: (CaseWorkPurpose) -> Purpose, work: (CaseWorkCommand) -> Work,
    preview: (CaseWorkCommand) -> Result<CaseWorkPreview, Refusal>
  ) -> CaseWorkNext<Work> {
    if case .unlink(let other) = p {
      show(f, purpose(p))
      confirm(
        "取消关联", ["取消 \(s.caseID) 与 \(other) 的关联?", "理由: \(f["reason"])"],
        work(.unlink(case: other, reason: f["reason"])), done: "已取消 \(s.caseID) 与 \(other) 的关联")
      return .shown
    }
    let command = CaseWorkCommand.link(to: f["case"], reason: f["reason"])
    let link: CaseLink
    switch preview(command) {
    case .failure(let refusal):
      return .refused(refuse(f, purpose(p), refusal.description, field: "case"))
    case .success(let result):
      guard let l = result.link else {
        return .refused(refuse(f, purpose(p), "找不到要关联的案件", field: "case"))
      }
      link = l
    }
    show(f, purpose(p))
    let kind = FoundCase.Kind(rawValue: link.kind)?.title ?? link.kind
    confirm(
      "关联案件",
      [
        "把 \(s.caseID) 与\(kind) \(link.caseID) 关联?", "理由: \(link.reason)",
        "两件案件的视图都列出此关联。",
      ], work(.link(to: link.caseID, reason: link.reason)),
      done: "\(s.caseID) 已与 \(link.caseID) 关联")
    return .shown
  }
}

extension CaseWorkFlow {
  /// 关联: the case (as F7 finds it) and the reason.
  static func linkForm(_ s: CaseWorkSubject) -> Form {
    var f = Form(
      title: "关联案件 \(s.caseID)",
      fields: [
        .text(
          "case", "关联案件", max: 30, required: true,
          placeholder: "案件编号或尾号、电话、证件号码、工单号"),
        .area("reason", "关联理由", max: CaseWorkLimits.reasonLength, lines: 3, required: true),
      ])
    f.footer = ["办件、投诉建议、差评整改均可关联;两件案件的视图都列出此关联。"]
    return f
  }
}

extension CaseWorkSubject {
  /// The subject with the cases linked to it now, from either end (`RelatedCases`).
  func linking(_ service: Any, _ kind: FoundCase.Kind, for staff: Staff) -> CaseWorkSubject {
    var s = self
    guard let reader = service as? any RelatedCaseReader else { return s }
    do {
      s.linked = try reader.relatedCases(of: kind, caseID, for: staff).linked.map {
        ($0.caseID, "\($0.kind.title) \($0.title)")
      }
    } catch {
      s.linked = []
    }
    return s
  }
}
