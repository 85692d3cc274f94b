import LedgerCrypto

extension LedgerState {
    /// Applies the next entry, or refuses it and stays exactly as it was.
    ///
    /// Checks, in the order of docs/FORMAT.md section 9: the chain (seq, prev, time), the author key and its role,
    /// the signature, then the rules of the entry's kind (sections 4 and 5), including checkpoint roots.
    /// - Throws: a ``LedgerError`` naming the rule and the entry.
    public mutating func apply(_ entry: Entry, context: ApplyContext) throws(LedgerError) {
        do {
            try checkChain(entry, context: context)
            let author = try checkAuthor(entry)
            try checkSignature(entry, author: author, context: context)
            try applyRules(entry, author: author, context: context)
        } catch {
            throw error.at(seq: entry.seq, kind: entry.kind.rawValue)
        }
        count += 1
        head = entry.hash
        lastTime = entry.body.time
    }

    private func checkChain(_ entry: Entry, context: ApplyContext) throws(LedgerError) {
        let body = entry.body
        guard body.seq == count else {
            // Reported at the position where the chain broke: that entry is the one missing or out of place.
            throw LedgerError(.badSequence, seq: count,
                en: "the entry here has seq \(body.seq) where \(count) was expected: entry \(count) is missing or out of place",
                zh: "此处条目的序号为 \(body.seq)，应为 \(count)：第 \(count) 条缺失或顺序错乱")
        }
        guard body.prev == head else {
            throw LedgerError(.badPrev,
                en: "its prev does not match the hash of entry \(count - 1): the entry before it was changed or replaced",
                zh: "其 prev 与第 \(count - 1) 条的哈希不符：前一条目已被修改或替换")
        }
        if let lastTime, body.time < lastTime {
            throw LedgerError(.timeBackwards, en: "its time \(body.time) is earlier than the entry before it (\(lastTime))",
                zh: "其时间 \(body.time) 早于前一条目（\(lastTime)）")
        }
        if case .append(let now) = context.mode, body.time.secondsSinceEpoch > now.secondsSinceEpoch + Rules.maxClockSkewSeconds {
            throw LedgerError(.futureTime, en: "its time \(body.time) is more than 5 minutes ahead of this computer's clock (\(now))",
                zh: "其时间 \(body.time) 比本机时钟（\(now)）快 5 分钟以上")
        }
        if count == 0, body.kind != .genesis {
            throw LedgerError(.badGenesis, en: "the first entry must be a genesis", zh: "第一条必须是创世条目")
        }
        if count > 0, body.kind == .genesis {
            throw LedgerError(.secondGenesis, en: "a ledger has exactly one genesis, at seq 0", zh: "账本只有一个创世条目，序号为 0")
        }
    }

    /// The author's key record, active and of a role that may sign this kind.
    private func checkAuthor(_ entry: Entry) throws(LedgerError) -> KeyRecord {
        let author = entry.body.author
        if case .genesis(let genesis) = entry.payload {
            guard let key = genesis.keys.first(where: { $0.id == author }), key.role == .committee else {
                throw LedgerError(.wrongRole, en: "a genesis must be signed by a committee key it lists",
                    zh: "创世条目必须由其中列出的管理委员会密钥签名")
            }
            return KeyRecord(descriptor: key, status: .active, addedAt: 0)
        }
        guard let key = keys[author] else {
            throw LedgerError(.unknownKey, en: "its author key \(author) is not a key of this ledger",
                zh: "作者密钥 \(author) 不属于本账本")
        }
        guard key.status == .active else {
            let state = key.status == .revoked ? ("was revoked at entry \(key.revokedAt ?? 0)", "已在第 \(key.revokedAt ?? 0) 条被撤销")
                : key.status == .proposed ? ("is not approved yet", "尚未获批准") : ("was refused", "已被驳回")
            throw LedgerError(.inactiveKey, en: "its author key \(author) (\(key.holder)) \(state.0)",
                zh: "作者密钥 \(author)（\(key.holder)）\(state.1)")
        }
        guard entry.kind.authorRoles.contains(key.role) else {
            throw LedgerError(.wrongRole, en: "a \(key.role.rawValue) key may not sign a \(entry.kind.rawValue) entry",
                zh: "\(key.role.chinese)密钥不能签署“\(entry.kind.rawValue)”条目")
        }
        return key
    }

    private func checkSignature(_ entry: Entry, author: KeyRecord, context: ApplyContext) throws(LedgerError) {
        let valid: Bool
        switch context.signature {
        case .checked(let result):
            valid = result
        case .check:
            guard let key = try? Ed25519.PublicKey(rawRepresentation: author.descriptor.publicKey) else {
                valid = false
                break
            }
            valid = entry.isSignatureValid(for: key)
        }
        guard valid else {
            throw LedgerError(.badSignature,
                en: "its signature does not verify with key \(author.id): the entry was altered after signing",
                zh: "签名无法用密钥 \(author.id) 验证：条目在签名后被改动")
        }
    }

    private mutating func applyRules(_ entry: Entry, author: KeyRecord, context: ApplyContext) throws(LedgerError) {
        switch entry.payload {
        case .genesis(let genesis):
            found(genesis, hash: entry.hash)
        case .memberAdd(let add):
            guard members[add.member] == nil else {
                throw LedgerError(.memberExists, en: "member \(add.member) already exists (ids are never reused)",
                    zh: "成员 \(add.member) 已存在（编号不可重复使用）")
            }
            members[add.member] = MemberRecord(id: add.member, name: add.name, note: add.note, addedAt: entry.seq)
        case .memberUpdate(let update):
            try requireOpenMember(update.member)
            if let name = update.name { members[update.member]!.name = name }
            if let note = update.note { members[update.member]!.note = note }
        case .memberClose(let close):
            try requireOpenMember(close.member)
            let balance = members[close.member]!.balance
            guard balance == 0 else {
                throw LedgerError(.memberNotZero,
                    en: "member \(close.member) still has \(Yuan.format(balance)); pay it out before closing",
                    zh: "成员 \(close.member) 仍有余额 \(Yuan.format(balance))，请先发放再关闭")
            }
            members[close.member]!.closed = true
        case .donation(let donation):
            try requireFund(donation.fund)
            if let receipt = donation.receipt, receipts.contains(receipt) {
                throw LedgerError(.receiptReused, en: "receipt number \(receipt) was already used by another donation",
                    zh: "收据号 \(receipt) 已被其他捐赠使用")
            }
            let movements = Movement.of(entry.payload)
            try check(movements)
            if let receipt = donation.receipt { receipts.insert(receipt) }
            apply(movements)
        case .sale(let sale):
            try requireOpenMember(sale.member)
            try requireFund(sale.feeFund)
            let movements = Movement.of(entry.payload)
            try check(movements)
            apply(movements)
        case .approve(let approve):
            try applyApproval(approve, by: author, at: entry.seq)
        case .reject(let reject):
            try applyRejection(reject)
        case .checkpoint(let checkpoint):
            guard checkpoint.size <= entry.seq else {
                throw LedgerError(.badCheckpoint, en: "it claims \(checkpoint.size) entries but only \(entry.seq) come before it",
                    zh: "声称有 \(checkpoint.size) 条，但它之前只有 \(entry.seq) 条")
            }
            let root = try context.merkleRoot(checkpoint.size)
            guard root == checkpoint.root else {
                throw LedgerError(.badCheckpoint,
                    en: "its root does not match the Merkle root of the first \(checkpoint.size) entries: history was changed",
                    zh: "其根哈希与前 \(checkpoint.size) 条的默克尔根不符：历史已被改动")
            }
        case .keyAdd, .keyRevoke, .policySet, .fundAdd, .grant, .payout, .expense, .reversal:
            try propose(entry, context: context)
        }
    }

    private mutating func found(_ genesis: Genesis, hash: EntryHash) {
        founding = Founding(society: genesis.society, ledgerID: genesis.ledger, genesisHash: hash)
        policy = genesis.policy
        for key in genesis.keys { keys[key.id] = KeyRecord(descriptor: key, status: .active, addedAt: 0, activeSince: 0) }
        for fund in genesis.funds { funds[fund.id] = FundRecord(id: fund.id, name: fund.name) }
    }

    func requireOpenMember(_ member: MemberID) throws(LedgerError) {
        guard let record = members[member] else {
            throw LedgerError(.unknownMember, en: "member \(member) does not exist; add them first (member add)",
                zh: "成员 \(member) 不存在，请先添加（member add）")
        }
        guard !record.closed else {
            throw LedgerError(.memberClosed, en: "member \(member) is closed and may not be named again",
                zh: "成员 \(member) 已关闭，不能再被使用")
        }
    }

    func requireFund(_ fund: FundID) throws(LedgerError) {
        guard funds[fund] != nil else {
            throw LedgerError(.unknownFund, en: "fund \"\(fund)\" does not exist (see ledger funds)",
                zh: "基金“\(fund)”不存在（见 ledger funds）")
        }
    }
}

extension Role {
    /// The group's name in Chinese.
    public var chinese: String { self == .committee ? "管理委员会" : "运作监督组" }
}
