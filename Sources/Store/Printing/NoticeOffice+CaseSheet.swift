import Domain
import Foundation

/// What became of a printed case sheet: saved where, printed or not, what went wrong.
public struct SheetDelivery: Equatable, Sendable {
  public var kind: CaseSheet.Kind
  public var caseID: String
  public var path: String?
  /// What CUPS did with it; nil when no printer is set.
  public var printing: PrintOutcome?
  public var problems: [String]

  /// `办件单 已保存 /srv/…;已提交打印任务 hall-3`: the printer's answer first, as for notices.
  public var statusLine: String {
    var parts: [String] = []
    if let printing { parts.append(printing.brief) }
    var saved = "\(kind.title) \(caseID)"
    if let path { saved += " 已保存 \(path)" }
    parts.append(saved)
    return (parts + problems).joined(separator: ";")
  }

  public var hasProblem: Bool { !problems.isEmpty || printing.map { !$0.isSubmitted } ?? false }
}

extension NoticeOffice {
  /// The sheet's text, laid out for A4 like every notice and sanitised for paper.
  public func sheetText(_ kind: CaseSheet.Kind, values: [String: String]) throws -> String {
    guard share.exists(kind.templateFile) else {
      throw StoreError.invalid("找不到模板 \(share.url(kind.templateFile).path)")
    }
    switch NoticeLayout.lay(try share.read(kind.templateFile), values: values) {
    case .success(let text): return SafeText.lines(text)
    case .failure(let p):
      throw StoreError.invalid("模板 \(kind.templateFile) 有误: \(p.message)")
    }
  }

  /// Saves (and prints, when a printer is set) a case's sheet: `BYQ-2026-000064-投诉建议处理单.txt`
  /// in the year's folder, a free name each time it is printed again.
  public func produceSheet(
    _ kind: CaseSheet.Kind, caseID: String, values: [String: String], on day: CivilDate
  ) -> SheetDelivery {
    var d = SheetDelivery(kind: kind, caseID: caseID, path: nil, printing: nil, problems: [])
    let body: String
    do {
      body = try sheetText(kind, values: values)
    } catch {
      d.problems.append((error as? UserFacingError)?.userMessage ?? "\(kind.title)生成失败")
      return d
    }
    let saved = deliver(
      body, year: day.year, fileName: "\(caseID)-\(kind.title).txt", what: kind.title,
      again: "可稍后按 p 重新打印")
    d.path = saved.path
    d.printing = saved.printing
    d.problems += saved.problems
    return d
  }
}

extension Store {
  /// The values of a case's sheet as `staff` may read the case (refused when they may not).
  public func caseSheetValues(_ kind: CaseSheet.Kind, caseID: String, for staff: Staff)
    throws -> [String: String]
  {
    var names = try staffNames()
    names[ApplicationMachine.systemActor] = "系统"
    let printing = CaseSheet.Printing(
      on: today, by: staff.login, organisationName: try organisationName(staff.org) ?? staff.org,
      names: names)
    switch kind {
    case .application:
      guard let d = try applicationDetail(caseID: caseID, for: staff) else {
        throw Refusal("办件\(caseID)不存在")
      }
      return CaseSheet.values(d.application, printing)
    case .complaint:
      // Content only after the operator's own recorded reveal, as on screen.
      guard let k = try complaint(id: caseID, for: staff, revealed: true),
        Visibility(staff).mayList(k.complaint.handlingOrg)
          || Visibility(staff).mayList(k.complaint.registration.registeringOrg)
      else { throw Refusal("投诉建议\(caseID)不存在或无权查看") }
      return CaseSheet.values(k, printing)
    case .rectification:
      guard let r = try rectification(caseID, for: staff) else {
        throw Refusal("差评整改案件\(caseID)不存在")
      }
      return CaseSheet.values(
        r, organisationName: try organisationName(r.organisation) ?? r.organisation, printing)
    }
  }
}
