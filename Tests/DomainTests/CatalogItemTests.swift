import Domain
import Foundation
import XCTest

final class CatalogItemTests: XCTestCase {
  func testSampleIsValid() {
    XCTAssertEqual(sampleItem().problems(organisations: catalogOrgs), [])
  }

  func testEveryElementIsChecked() {
    var i = sampleItem()
    i.code = "scjg 1"
    i.name = ""
    i.organisation = "NOPE"
    i.legalBasis = " "
    i.promisedDays = 30
    i.legalDays = 20
    i.phone = "12345"
    i.result = "营业\u{1B}[31m执照"
    let problems = i.problems(organisations: catalogOrgs)
    XCTAssertEqual(
      problems.map(\.description),
      [
        "「事项编码」应为4至24位大写字母、数字或连字符,如 SCJG-XK-001",
        "「事项名称」不能为空",
        "「实施主体」单位「NOPE」不存在",
        "「设定依据」不能为空",
        "「承诺时限」承诺时限(30个工作日)不能超过法定时限(20个工作日)",
        "「办理结果」含有控制字符",
        "「咨询电话」联系电话应为手机号码或固定电话(如0943-8221234)",
      ])
  }

  func testLimitsAreWholeDaysWithinAYear() {
    var i = sampleItem(promised: 0, legal: 0)
    XCTAssertEqual(i.problems(organisations: catalogOrgs), [], "即办: 0 and 0")
    i.legalDays = 400
    XCTAssertEqual(i.problems(organisations: catalogOrgs).first?.field, .legalDays)
    i.legalDays = 10
    i.promisedDays = -1
    XCTAssertEqual(i.problems(organisations: catalogOrgs).first?.message, "应为0至365个工作日")
  }

  func testMaterialsNeedNamesCopiesAndNoDuplicates() {
    var i = sampleItem()
    i.materials.append(Material(name: "个体工商户登记(备案)申请书"))
    XCTAssertEqual(
      i.problems(organisations: catalogOrgs).first?.message, "第3项「个体工商户登记(备案)申请书」与前面的材料重名")
    i.materials = [Material(name: "照片", copies: 0)]
    XCTAssertEqual(
      i.problems(organisations: catalogOrgs).first?.message, "第1项「照片」份数应为1至20(免提交的材料可为0)")
    i.materials = [Material(name: "营业执照", copies: 0, shared: true)]
    XCTAssertEqual(i.problems(organisations: catalogOrgs), [], "a shared material may need no copy")
    i.materials = [Material(name: "  ")]
    XCTAssertEqual(i.problems(organisations: catalogOrgs).first?.message, "第1项: 「材料名称」不能为空")
  }

  func testDifferencesNameEachChangedElementAndMaterial() {
    let old = sampleItem()
    var new = old
    new.promisedDays = 0
    new.materials.removeFirst()
    new.materials[0].form = .originalAndCopy
    new.materials.append(Material(name: "经营场所使用证明", form: .copy))
    new.isFullyOnline = true
    let d = new.differences(from: old)
    XCTAssertEqual(d.map(\.field), [.materials, .promisedDays, .fullyOnline])
    XCTAssertEqual(
      d[0].details,
      [
        "删除「个体工商户登记(备案)申请书」",
        "修改「经营者居民身份证」: 原件 1份 必要 免提交(共享获取) 改为 原件和复印件 1份 必要 免提交(共享获取)",
        "新增「经营场所使用证明」复印件 1份 必要",
      ])
    XCTAssertEqual(d[1].old, "1个工作日")
    XCTAssertEqual(d[1].new, "即办")
    XCTAssertEqual(old.differences(from: old), [])
  }

  func testFileRoundTrip() throws {
    var other = sampleItem(code: "MZJ-JF-002")
    other.status = .suspended
    other.materials[0].note = "须本人签字"
    let text = CatalogFile.encode([other, sampleItem()], district: "BYQ", exportedAt: "x")
    let back = try CatalogFile.decode(Data(text.utf8), organisations: catalogOrgs).get()
    XCTAssertEqual(
      back, [other, sampleItem()], "items come back in code order, every element kept")
    XCTAssertTrue(text.contains("\"type\" : \"行政许可\""), text)
    XCTAssertTrue(text.contains("\"status\" : \"暂停\""))
  }

  func refusal(_ text: String) -> String? {
    if case .failure(let r) = CatalogFile.decode(Data(text.utf8), organisations: catalogOrgs) {
      return r.message
    }
    return nil
  }

  func fileText(_ edit: (inout [String: Any]) -> Void) throws -> String {
    let valid = CatalogFile.encode(
      [sampleItem(code: "SCJG-DJ-001"), sampleItem(code: "SCJG-DJ-002")], district: "BYQ",
      exportedAt: "x")
    var root = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(valid.utf8)) as? [String: Any])
    var items = try XCTUnwrap(root["items"] as? [[String: Any]])
    var second = items[1]
    edit(&second)
    items[1] = second
    root["items"] = items
    return String(decoding: try JSONSerialization.data(withJSONObject: root), as: UTF8.self)
  }

  func testInvalidFilesNameTheFirstOffendingItemAndField() throws {
    XCTAssertEqual(
      refusal(try fileText { $0["promisedDays"] = 9 }),
      "第2项(SCJG-DJ-002)「承诺时限」承诺时限(9个工作日)不能超过法定时限(3个工作日)")
    XCTAssertEqual(
      refusal(try fileText { $0["type"] = "许可" }),
      "第2项(SCJG-DJ-002)「事项类型」应为 行政许可、行政确认、行政给付、行政裁决、行政奖励、行政征收、其他行政权力、公共服务 之一")
    XCTAssertEqual(
      refusal(try fileText { $0["legalDays"] = "20" }), "第2项(SCJG-DJ-002)「法定时限」应为整数(工作日数)")
    XCTAssertEqual(
      refusal(try fileText { $0.removeValue(forKey: "phone") }),
      "第2项(SCJG-DJ-002)「咨询电话」缺失(字段 \"phone\")")
    XCTAssertEqual(refusal(try fileText { $0["colour"] = "红" }), "第2项有未知字段 \"colour\"")
    XCTAssertEqual(
      refusal(try fileText { $0["code"] = "SCJG-DJ-001" }), "第2项(SCJG-DJ-001)「事项编码」与第1项重复")
    XCTAssertEqual(
      refusal(try fileText { $0["materials"] = [] as [Any] }),
      "第2项(SCJG-DJ-002)「申请材料」至少要有一项申请材料")
    XCTAssertEqual(
      refusal(try fileText { $0["fullyOnline"] = 1 }), "第2项(SCJG-DJ-002)「全程网办」应为 true 或 false")
    XCTAssertEqual(refusal("not json"), "文件不是有效的 JSON(应为一个对象,见 share/zwfw/catalog-format.md)")
    XCTAssertEqual(
      refusal("{\"format\":\"other\"}"), "不是 zwfw 事项库文件: \"format\" 应为 \"zwfw-catalog\"")
  }
}
