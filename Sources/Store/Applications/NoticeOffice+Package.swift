import Domain
import Foundation

extension NoticeOffice {
  /// The filled text of a package's 受理通知书, laid out for A4 like every notice.
  public func packageText(_ progress: PackageProgress, names: [String: String]) throws -> String {
    let file = PackageNotice.templateFile
    guard share.exists(file) else {
      throw StoreError.invalid("找不到文书模板 \(share.url(file).path)")
    }
    let values = PackageNotice.values(
      progress, names: names, issuer: issuer(progress.package.registration.organisation))
    switch NoticeLayout.lay(try share.read(file), values: values) {
    case .success(let text): return SafeText.lines(text)
    case .failure(let p): throw StoreError.invalid("文书模板 \(file) 有误: \(p.message)")
    }
  }

  /// Saves (and prints, when a printer is set) the package's one 受理通知书:
  /// `BYQ-2026-000101-受理通知书-BYQ受2026-12.txt`.
  public func producePackage(_ progress: PackageProgress, names: [String: String])
    -> NoticeDelivery
  {
    let p = progress.package
    let notice = IssuedNotice(
      kind: .acceptance, number: p.registration.notice, issuedOn: p.registeredOn,
      issuedBy: p.registeredBy, values: [:])
    return deliver(notice, caseID: p.id, again: "可稍后在成员办件中按 n 重新生成") {
      try packageText(progress, names: names)
    }
  }
}
