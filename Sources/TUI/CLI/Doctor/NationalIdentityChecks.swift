import Domain
import Foundation
import Store

/// What the province's data sets need of this node (GB/T 39046): every organisation's 统一社会
/// 信用代码 and the node's 行政区划代码. Without them the export writes the column empty.
enum NationalIdentityChecks {
  static var all: [DoctorCheck] { [creditCodes, region] }

  static let creditCodes = DoctorCheck("统一社会信用代码") { c in
    let store = try c.store()
    let missing = try store.organisationRecords().filter { !$0.disabled && $0.creditCode == nil }
    guard let first = missing.first else { return .pass("每个在用单位都已登记") }
    let names = missing.prefix(5).map { "\($0.name)(\($0.code))" }.joined(separator: "、")
    let more = missing.count > 5 ? " 等 \(missing.count) 个单位" : ""
    let fix =
      store.node.isDistrict
      ? "zwfw org set \(first.code) --credit-code 统一社会信用代码(每个单位一次)"
      : "请区级系统管理员用 zwfw org set 登记,同步后即有"
    return .fail("\(names)\(more) 没有统一社会信用代码,上报省平台时该列为空", fix: fix)
  }

  static let region = DoctorCheck("行政区划代码") { c in
    let store = try c.store()
    guard let code = store.node.region else {
      return .fail(
        "本节点创建时未登记行政区划代码,上报省平台的行政区划列为空",
        fix: store.node.isDistrict
          ? "新建节点时用 zwfw init … --district --region 620402(6位)"
          : "区级节点登记乡镇时用 zwfw node add … --region 9位代码")
    }
    return .pass(code)
  }
}
