/// 国家标准格式的实施清单 — `items.csv` + `materials.csv` as a provincial 事项管理系统 exports
/// them (table 4; the header rows as our own export writes them), read into catalog items.
///
/// Organisations are matched by 统一社会信用代码 (实施主体代码). One this node lacks becomes a new
/// organisation: named by 实施主体, of kind 乡镇 or 街道 when the name ends so and 部门 otherwise,
/// its handle the code's 主体标识码 (positions 9–17), which the admin may rename.
public enum NationalCatalogFile {
  /// What the files say: the items, and the organisations to create for them.
  public struct Reading: Equatable, Sendable {
    public var items: [CatalogItem]
    public var newOrganisations: [Organisation]
  }

  public static func read(
    items: NationalCSV, materials: NationalCSV, organisations: [Organisation]
  ) -> Result<Reading, Refusal> {
    do {
      return .success(try Reader(items: items, materials: materials, known: organisations).read())
    } catch let r as Refusal {
      return .failure(r)
    } catch {
      return .failure(Refusal("实施清单无法读取"))
    }
  }

  struct Reader {
    let items: NationalCSV
    let materials: NationalCSV
    let known: [Organisation]

    func read() throws -> Reading {
      var byCredit = Dictionary(
        known.compactMap { o in o.creditCode.map { ($0, o.code) } }, uniquingKeysWith: { a, _ in a }
      )
      var created: [Organisation] = []
      let materialsByItem = try readMaterials()
      var out: [CatalogItem] = []
      for (i, row) in items.rows.enumerated() {
        func value(_ name: String) -> String {
          items.column(name).map { row[$0].trimmingSpacesAndNewlines() } ?? ""
        }
        let name = value("事项名称")
        let at = "items.csv 第\(items.line(of: i))行「\(FieldText.sanitizeForDisplay(name))」"
        func fail(_ message: String) -> Refusal { Refusal("\(at): \(message)") }
        let credit = CreditCode.normalize(value("实施主体代码"))
        if let p = CreditCode.validateOrganisation(credit) {
          throw fail("实施主体代码 \(p.message)")
        }
        let org: String
        if let existing = byCredit[credit] {
          org = existing
        } else {
          let handle = CreditCode.subjectCode(credit)
          let orgName = value("实施主体")
          let kind: Organisation.Kind =
            orgName.hasSuffix("街道")
            ? .street
            : orgName.hasSuffix("镇") || orgName.hasSuffix("乡") ? .township : .department
          created.append(
            Organisation(code: handle, name: orgName, kind: kind, creditCode: credit))
          byCredit[credit] = handle
          org = handle
        }
        guard let matter = MatterType.coded(value("事项类型代码")) else {
          throw fail("事项类型代码「\(FieldText.sanitizeForDisplay(value("事项类型代码")))」不在 A.1 中")
        }
        let type = Self.itemType(matter)
        func coded<T: NationalCodeTable>(_ column: String, _: T.Type) throws -> T? {
          let code = value(column)
          guard !code.isEmpty else { return nil }
          guard let v = T.coded(code) else {
            throw fail("\(column)「\(FieldText.sanitizeForDisplay(code))」不在代码表中")
          }
          return v
        }
        func list<T: NationalCodeTable>(_ column: String, _: T.Type) throws -> [T] {
          try value(column).split(separator: "|").map { part in
            guard let v = T.coded(part.trimmingSpaces()) else {
              throw fail("\(column)「\(FieldText.sanitizeForDisplay(String(part)))」不在代码表中")
            }
            return v
          }
        }
        func flag(_ column: String) throws -> Bool {
          switch value(column) {
          case "1": return true
          case "0", "": return false
          default: throw fail("\(column) 应为 1 或 0")
          }
        }
        func days(_ column: String) throws -> Int {
          guard let n = Int(value(column)) else { throw fail("\(column) 应为整数(工作日)") }
          let unit = value(column + "单位")
          guard unit.isEmpty || unit == "工作日" else { throw fail("\(column)单位应为工作日") }
          return n
        }
        let charged = try flag("是否收费")
        let national = NationalElements(
          basicCode: value("基本编码"), implementationCode: value("实施编码"),
          matterType: matter == MatterType(type) ? nil : matter,
          exerciseLevel: try coded("行使层级代码", ExerciseLevel.self),
          implementerNature: try coded("实施主体性质代码", ImplementerNature.self),
          serviceTargets: try list("服务对象代码", ServiceTarget.self),
          handlingForms: try list("办理形式代码", HandlingForm.self),
          scope: try coded("通办范围代码", CrossRegionScope.self), charged: charged,
          feeBasis: value("收费依据"), quantityLimit: value("数量限制"),
          jointDepartments: value("共同实施部门"), consultation: value("咨询方式"),
          supervisionPhone: value("监督电话"), appointment: try flag("是否支持预约办理"),
          onlinePayment: try flag("是否支持网上支付"), express: try flag("是否支持物流快递"),
          onlineAddress: value("网办地址"), faq: value("常见问题"))
        // Our short code is the clerk's handle: the file's 事项编码 when it has one (our own
        // export), else the 基本编码.
        let code = value("事项编码").isEmpty ? national.basicCode : value("事项编码")
        let status = ItemStatus(title: value("事项状态")) ?? .active
        let itemMaterials = materialsByItem[code] ?? materialsByItem[national.implementationCode]
        out.append(
          CatalogItem(
            code: code, name: name, type: type, organisation: org,
            legalBasis: value("设定依据"), conditions: value("受理条件"),
            materials: itemMaterials ?? [], intermediaries: value("中介服务"),
            steps: value("办理流程"), legalDays: try days("法定办结时限"),
            promisedDays: try days("承诺办结时限"), fee: charged ? "收费(见收费依据)" : "不收费",
            result: value("结果名称"), place: value("办理地点"), hours: value("办理时间"),
            phone: value("咨询电话"), isFullyOnline: try flag("是否网办"), status: status,
            national: national))
      }
      return Reading(items: out, newOrganisations: created)
    }

    /// Materials by their item's key (事项编码, else 实施编码), in file order.
    func readMaterials() throws -> [String: [Material]] {
      var out: [String: [Material]] = [:]
      for (i, row) in materials.rows.enumerated() {
        func value(_ name: String) -> String {
          materials.column(name).map { row[$0].trimmingSpacesAndNewlines() } ?? ""
        }
        let at =
          "materials.csv 第\(materials.line(of: i))行「\(FieldText.sanitizeForDisplay(value("材料名称")))」"
        guard let originals = Int(value("原件份数")), let copies = Int(value("复印件份数")),
          originals >= 0, copies >= 0
        else { throw Refusal("\(at): 原件份数、复印件份数应为整数") }
        let form: MaterialForm
        let count: Int
        switch (originals, copies) {
        case (0, let n): (form, count) = (.copy, n)
        case (let n, 0): (form, count) = (.original, n)
        case (let a, let b) where a == b: (form, count) = (.originalAndCopy, a)
        default:
          throw Refusal("\(at): 原件\(originals)份、复印件\(copies)份不同,本系统只记一个份数")
        }
        let key = value("事项编码").isEmpty ? value("实施编码") : value("事项编码")
        let issuer = value("出具机构")
        out[key, default: []].append(
          Material(
            name: value("材料名称"), form: form, copies: count,
            required: value("是否必备材料") != "0", shared: count == 0, note: value("材料使用说明"),
            issuer: issuer.isEmpty ? nil : issuer))
      }
      return out
    }

    /// Our type of an A.1 type; the powers we have no type of are 其他行政权力.
    static func itemType(_ matter: MatterType) -> ItemType {
      ItemType.allCases.first { MatterType($0) == matter } ?? .otherPower
    }
  }
}
