import LedgerCore

// GENERATED once from `GoldenLedger` with LedgerCore, then cross-checked independently with Python 3 and pyca/cryptography
// 48.0.0: for every entry, json.dumps(o, sort_keys=True, separators=(",", ":"), ensure_ascii=False) gives back the same
// bytes, hashlib.sha256(b"\x00" + bytes) gives the hash, the signature verifies with the raw public key over
// b"mutual-aid-ledger:v1:entry\n" + canonical(body) and equals Python's own (deterministic) Ed25519 signature, each key id
// is sha256(raw public key)[:8].hex(), and the checkpoint root is an independent RFC 9162 MTH of entries 0..<18.
// Never regenerate these to make a test pass: a changed literal is a format change (docs/FORMAT.md, a new `v`).

extension GoldenLedger {
    /// What entry `seq` must encode to, hash to and be signed with.
    struct Pinned: Sendable {
        /// The exact entry bytes (UTF-8).
        let bytes: String
        /// SHA-256(0x00 ‖ bytes), lowercase hex.
        let hash: String
        /// The `sig` field: base64 of the 64-byte Ed25519 signature.
        let signature: String
    }

    /// A fixed key: TestKeys seed name, key id and base64 raw public key.
    struct PinnedKey: Sendable {
        let name: String
        let id: String
        let publicKey: String
    }

    /// The Merkle root of entries 0..<18, as entry 18 (the checkpoint) records it.
    static let pinnedCheckpointRoot = "ed2c53883dc4c292d8acad3cc5f422123edc378c690849add07d0eedeb344582"

    static let pinnedKeys: [PinnedKey] = [
        PinnedKey(name: "committee-1", id: "189fd144ed46dad9", publicKey: "klh19bPUgnw2+fbuhHyGllui4OLw2SmGuJkgs1NRBZE="),
        PinnedKey(name: "committee-2", id: "bd0fafc9690da0ff", publicKey: "BaKL62R0+6ar1WkBJV6rOWFvtM5PfV2yRcAqmfJ1u4k="),
        PinnedKey(name: "committee-3", id: "26f861e357e652c5", publicKey: "f7elH1Yw2eH5oj488Yw/EXr2VCNj9meYavAxGuOZsJw="),
        PinnedKey(name: "oversight-1", id: "1079b8048705d4b8", publicKey: "cKRxOy4Z4MP5/WoT3TjSdUDCW+oqkKYYg2R9YfWw8uE="),
        PinnedKey(name: "oversight-2", id: "a8290443da902f04", publicKey: "8Y1hc2hko+zrQicZUlHBNC7I4M0ZVa+Zatw51fPa2NI="),
        PinnedKey(name: "committee-4", id: "99db32a48bc045e5", publicKey: "ZPEXtvz1N+dNwnb65tvtyE0k3PGeE/Fwv1qe7N+jZMA="),
    ]

    static let pinned: [Pinned] = [
        // 0
        Pinned(
            bytes:
                #"{"body":{"author":"189fd144ed46dad9","data":{"currency":"CNY","funds":[{"id":"general","name":"社区慈善基金"},{"id":"medical","name":"医疗救助金"}],"keys":[{"holder":"陈","id":"189fd144ed46dad9","pub":"klh19bPUgnw2+fbuhHyGllui4OLw2SmGuJkgs1NRBZE=","role":"committee"},{"holder":"李","id":"bd0fafc9690da0ff","pub":"BaKL62R0+6ar1WkBJV6rOWFvtM5PfV2yRcAqmfJ1u4k=","role":"committee"},{"holder":"王","id":"26f861e357e652c5","pub":"f7elH1Yw2eH5oj488Yw/EXr2VCNj9meYavAxGuOZsJw=","role":"committee"},{"holder":"张","id":"1079b8048705d4b8","pub":"cKRxOy4Z4MP5/WoT3TjSdUDCW+oqkKYYg2R9YfWw8uE=","role":"oversight"},{"holder":"何","id":"a8290443da902f04","pub":"8Y1hc2hko+zrQicZUlHBNC7I4M0ZVa+Zatw51fPa2NI=","role":"oversight"}],"ledger":"5f2d8c0a9b3e4f1a6c7d8e9f0a1b2c3d","policy":{"governance":{"committee":1,"oversight":1},"money_approvals":1},"society":"石门村党群互助社"},"kind":"genesis","prev":"0000000000000000000000000000000000000000000000000000000000000000","seq":0,"time":"2026-03-01T09:00:00Z","v":1},"sig":"3q1e+9GpieBH3oy78RN7ciJCUvb2Pb1VFDSkmInsAGn/Z5qpG2pX7QVQnnltr1SwGjcrXhEoH9Ko0CJknsjBCw=="}"#,
            hash: "b7d8015d0b77574dfb3ec84aaed36ae3f2c379662d8a4ae3be6a1a3eeb75d8d6",
            signature: "3q1e+9GpieBH3oy78RN7ciJCUvb2Pb1VFDSkmInsAGn/Z5qpG2pX7QVQnnltr1SwGjcrXhEoH9Ko0CJknsjBCw=="),
        // 1
        Pinned(
            bytes:
                #"{"body":{"author":"189fd144ed46dad9","data":{"member":"H001","name":"黄大伯","note":"三组"},"kind":"member.add","memo":"入社登记 \"一户一档\" \\ 见纸质档案","prev":"b7d8015d0b77574dfb3ec84aaed36ae3f2c379662d8a4ae3be6a1a3eeb75d8d6","seq":1,"time":"2026-03-01T09:01:00Z","v":1},"sig":"6/Fm+t8qOUFxM8tpvhujArq0jDfUX+77oUBbQ9KeGqHZskY/rYYpYbs3kPCVxXix0SDqRaW0FAW6clMSlzZrCA=="}"#,
            hash: "223f17b2c48b25c3331fb0d5e2a90f228d0eeeb1d3315029d528fd3605621a37",
            signature: "6/Fm+t8qOUFxM8tpvhujArq0jDfUX+77oUBbQ9KeGqHZskY/rYYpYbs3kPCVxXix0SDqRaW0FAW6clMSlzZrCA=="),
        // 2
        Pinned(
            bytes:
                #"{"body":{"author":"bd0fafc9690da0ff","data":{"member":"H001","note":"种植黄皮"},"kind":"member.update","prev":"223f17b2c48b25c3331fb0d5e2a90f228d0eeeb1d3315029d528fd3605621a37","seq":2,"time":"2026-03-01T09:02:00Z","v":1},"sig":"4bwHVHomgToOpZlf4+MrQQNwbKZz5ARrUlICfy8rmvbzjSszN7PegpM2EDGQ4AaHIgYJ+8JFyrsD1jYXbH/qBQ=="}"#,
            hash: "75107171e36b2fb94de1135a636cc2a5de721cf7db7dad7ac5e934bd0af756d2",
            signature: "4bwHVHomgToOpZlf4+MrQQNwbKZz5ARrUlICfy8rmvbzjSszN7PegpM2EDGQ4AaHIgYJ+8JFyrsD1jYXbH/qBQ=="),
        // 3
        Pinned(
            bytes:
                #"{"body":{"author":"189fd144ed46dad9","data":{"amount":500000,"donor":"爱心企业","form":"cash","fund":"general","receipt":"R-2026-001"},"kind":"donation","prev":"75107171e36b2fb94de1135a636cc2a5de721cf7db7dad7ac5e934bd0af756d2","seq":3,"time":"2026-03-01T09:03:00Z","v":1},"sig":"XvgdYJulqWoeqoQE2V/fK1En9n1g+l3I1o0JWTuvMbStmDp7ul7RXqVj+CIP6mU3tnXjDVrqt9ykbcND3guZCg=="}"#,
            hash: "43b5144b135e1909d446d1e78a5a442d078c2008f61cf45364b254880a9bacef",
            signature: "XvgdYJulqWoeqoQE2V/fK1En9n1g+l3I1o0JWTuvMbStmDp7ul7RXqVj+CIP6mU3tnXjDVrqt9ykbcND3guZCg=="),
        // 4
        Pinned(
            bytes:
                #"{"body":{"author":"bd0fafc9690da0ff","data":{"amount":30000,"donor":"某超市","form":"in_kind","fund":"general","item":"大米","quantity":"50","unit":"kg"},"kind":"donation","prev":"43b5144b135e1909d446d1e78a5a442d078c2008f61cf45364b254880a9bacef","seq":4,"time":"2026-03-01T09:04:00Z","v":1},"sig":"nwRwt08Z5lDhoF1fHc9asc6eWc6WSVcqvhzR/D8CkLcUIU/fR3zntnjMgZEHI7uuBd6OjUPIjeCl2x7/RW0bCg=="}"#,
            hash: "b0b1e0e8743ec6220769a11890b48cdcf4a8e61f743b78b987ebc9b77d3633dc",
            signature: "nwRwt08Z5lDhoF1fHc9asc6eWc6WSVcqvhzR/D8CkLcUIU/fR3zntnjMgZEHI7uuBd6OjUPIjeCl2x7/RW0bCg=="),
        // 5
        Pinned(
            bytes:
                #"{"body":{"author":"189fd144ed46dad9","data":{"amount":96000,"buyer":"镇农贸市场","fee":4800,"fund":"general","member":"H001","product":"黄皮","quantity":"120","unit":"斤"},"kind":"sale","prev":"b0b1e0e8743ec6220769a11890b48cdcf4a8e61f743b78b987ebc9b77d3633dc","seq":5,"time":"2026-03-01T09:05:00Z","v":1},"sig":"kMRD9DZm2P1v8l25ZGhatH9p8KQ6BKNEI62HRE7ki/5Y+jF3Y3m1sLQPAMVC6w3L+S7pLCoj82a2cqCyjsgbBg=="}"#,
            hash: "16a049de51aeca14bddfc121cf362e55e62d13826515f4cae913fc04f2bd3f8c",
            signature: "kMRD9DZm2P1v8l25ZGhatH9p8KQ6BKNEI62HRE7ki/5Y+jF3Y3m1sLQPAMVC6w3L+S7pLCoj82a2cqCyjsgbBg=="),
        // 6
        Pinned(
            bytes:
                #"{"body":{"author":"189fd144ed46dad9","data":{"amount":100000,"fund":"general","member":"H001","purpose":"医疗救助"},"kind":"grant","prev":"16a049de51aeca14bddfc121cf362e55e62d13826515f4cae913fc04f2bd3f8c","seq":6,"time":"2026-03-01T09:06:00Z","v":1},"sig":"rq/DdvgCyayeKFPPprN38p/ECxQ48ZYJrYv5JVGSJiTz0DERVL8gzYPFVSO+3YWd/l0LRkijJ3mrJJi3KL41DQ=="}"#,
            hash: "21ab3ad342e7b106dce20be573d719a1759942a4c77f4da76e590d97434bc8a0",
            signature: "rq/DdvgCyayeKFPPprN38p/ECxQ48ZYJrYv5JVGSJiTz0DERVL8gzYPFVSO+3YWd/l0LRkijJ3mrJJi3KL41DQ=="),
        // 7
        Pinned(
            bytes:
                #"{"body":{"author":"1079b8048705d4b8","data":{"hash":"21ab3ad342e7b106dce20be573d719a1759942a4c77f4da76e590d97434bc8a0","target":6},"kind":"approve","prev":"21ab3ad342e7b106dce20be573d719a1759942a4c77f4da76e590d97434bc8a0","seq":7,"time":"2026-03-01T09:07:00Z","v":1},"sig":"u9LSFUnJh7PSi/fLlE9lMFMTmj/K8xW7o/4vR19wopxwXFmu7UXehIIPaAD3i9a9Ciray6++llrWNK8l20jYBg=="}"#,
            hash: "12630433a9de14cb356af150a502f8bc3509c1fa67390fc671dd071e833550ac",
            signature: "u9LSFUnJh7PSi/fLlE9lMFMTmj/K8xW7o/4vR19wopxwXFmu7UXehIIPaAD3i9a9Ciray6++llrWNK8l20jYBg=="),
        // 8
        Pinned(
            bytes:
                #"{"body":{"author":"bd0fafc9690da0ff","data":{"amount":50000,"member":"H001","method":"bank"},"kind":"payout","prev":"12630433a9de14cb356af150a502f8bc3509c1fa67390fc671dd071e833550ac","seq":8,"time":"2026-03-01T09:08:00Z","v":1},"sig":"IyWvOsSCUaB0UvGhOYWFuVmo0JicWweOFAaZBwGOb45H1bSJzOGTAnGZOzKX4RuRzKNI84aiSFZde38m+BQABw=="}"#,
            hash: "afa6b0af259df8fa8a8046fdbefe3c7a67a7ea508b0026a45b98312f07d0646b",
            signature: "IyWvOsSCUaB0UvGhOYWFuVmo0JicWweOFAaZBwGOb45H1bSJzOGTAnGZOzKX4RuRzKNI84aiSFZde38m+BQABw=="),
        // 9
        Pinned(
            bytes:
                #"{"body":{"author":"a8290443da902f04","data":{"hash":"afa6b0af259df8fa8a8046fdbefe3c7a67a7ea508b0026a45b98312f07d0646b","reason":"金额待核实","target":8},"kind":"reject","prev":"afa6b0af259df8fa8a8046fdbefe3c7a67a7ea508b0026a45b98312f07d0646b","seq":9,"time":"2026-03-01T09:09:00Z","v":1},"sig":"dD1XJe0b5cI8USKwwPvLI2FkpTenbuzv+nGxB9aa+pa55erNHPHnrdTIq5dNiwuI7lzdL7Y4MRzfkoyyP5X4Cg=="}"#,
            hash: "1bdb40bb834a1fddc671cc7c8ef960709d5afcadb1f43070e56534c7f3733c4d",
            signature: "dD1XJe0b5cI8USKwwPvLI2FkpTenbuzv+nGxB9aa+pa55erNHPHnrdTIq5dNiwuI7lzdL7Y4MRzfkoyyP5X4Cg=="),
        // 10
        Pinned(
            bytes:
                #"{"body":{"author":"26f861e357e652c5","data":{"amount":12000,"fund":"general","payee":"村委会印刷店","purpose":"公示栏打印"},"kind":"expense","prev":"1bdb40bb834a1fddc671cc7c8ef960709d5afcadb1f43070e56534c7f3733c4d","seq":10,"time":"2026-03-01T09:10:00Z","v":1},"sig":"kKYv2vaKvo4nZZai6s9ndPQdYlWNhzd3W7D+8HE4uccC5ckIWpQbkN2J48kC7hPmei7wOKTYIRmWqVNzWDhKDg=="}"#,
            hash: "bc4ae72bc14d7d3c0b4e2be004f37a8c7730f3cf5918214f80b63c60ea8e2127",
            signature: "kKYv2vaKvo4nZZai6s9ndPQdYlWNhzd3W7D+8HE4uccC5ckIWpQbkN2J48kC7hPmei7wOKTYIRmWqVNzWDhKDg=="),
        // 11
        Pinned(
            bytes:
                #"{"body":{"author":"189fd144ed46dad9","data":{"reason":"捐赠退回","target":3},"kind":"reversal","prev":"bc4ae72bc14d7d3c0b4e2be004f37a8c7730f3cf5918214f80b63c60ea8e2127","seq":11,"time":"2026-03-01T09:11:00Z","v":1},"sig":"5LjMAX/x6EVb+qSooFx3eU5hFN/PoV1FbQKblJCQgzSDkakbVrLB5BQQUwCr+GimtgkAZWNyEGXg3jG+fYckCA=="}"#,
            hash: "50431240b8cfe567dc143335ed6974b6621a0235ed9893830f3dfed7f5ef0ebc",
            signature: "5LjMAX/x6EVb+qSooFx3eU5hFN/PoV1FbQKblJCQgzSDkakbVrLB5BQQUwCr+GimtgkAZWNyEGXg3jG+fYckCA=="),
        // 12
        Pinned(
            bytes:
                #"{"body":{"author":"189fd144ed46dad9","data":{"key":{"holder":"赵","id":"99db32a48bc045e5","pub":"ZPEXtvz1N+dNwnb65tvtyE0k3PGeE/Fwv1qe7N+jZMA=","role":"committee"}},"kind":"key.add","prev":"50431240b8cfe567dc143335ed6974b6621a0235ed9893830f3dfed7f5ef0ebc","seq":12,"time":"2026-03-01T09:12:00Z","v":1},"sig":"ORImKNVr3TgFb7ulOLJiY6dbI+5LoRKULaw8xeL+TJfU8rmoO2aykStyRymjXoJdhfFlJfz8ofeNorlf38Y7BQ=="}"#,
            hash: "4bd4ea6a27d30fb781c9e0f8e34ad3632fcb8ec8b2bf3116b46067f28cac2b81",
            signature: "ORImKNVr3TgFb7ulOLJiY6dbI+5LoRKULaw8xeL+TJfU8rmoO2aykStyRymjXoJdhfFlJfz8ofeNorlf38Y7BQ=="),
        // 13
        Pinned(
            bytes:
                #"{"body":{"author":"1079b8048705d4b8","data":{"key":"a8290443da902f04","reason":"离任"},"kind":"key.revoke","prev":"4bd4ea6a27d30fb781c9e0f8e34ad3632fcb8ec8b2bf3116b46067f28cac2b81","seq":13,"time":"2026-03-01T09:13:00Z","v":1},"sig":"FWo3LZFe/5JVsWNEnZ2fU+YjxI/qIiOu5I94bA9JbiyQbmg5UpdWVT2N3X+VlhnHf3gP4RSDthPJse9gkCowBg=="}"#,
            hash: "4957807ce0dbdd46870e125f672ff3c519cadeba9391d0dca1b25cfc977db4b2",
            signature: "FWo3LZFe/5JVsWNEnZ2fU+YjxI/qIiOu5I94bA9JbiyQbmg5UpdWVT2N3X+VlhnHf3gP4RSDthPJse9gkCowBg=="),
        // 14
        Pinned(
            bytes:
                #"{"body":{"author":"bd0fafc9690da0ff","data":{"policy":{"governance":{"committee":2,"oversight":1},"money_approvals":2}},"kind":"policy.set","prev":"4957807ce0dbdd46870e125f672ff3c519cadeba9391d0dca1b25cfc977db4b2","seq":14,"time":"2026-03-01T09:14:00Z","v":1},"sig":"hbpM6GsSQFwhEOzGggTbimVByHz/25FRyzs9Aov7ev+1kFMo1nmRHK7eGZZhJuWF6IqmixfZnm8Gj9/pvdCqCA=="}"#,
            hash: "1b7ebd43c542e7741fe27407fdb91dfed281503bab180bda4b412fd85b334fd2",
            signature: "hbpM6GsSQFwhEOzGggTbimVByHz/25FRyzs9Aov7ev+1kFMo1nmRHK7eGZZhJuWF6IqmixfZnm8Gj9/pvdCqCA=="),
        // 15
        Pinned(
            bytes:
                #"{"body":{"author":"189fd144ed46dad9","data":{"fund":{"id":"education","name":"助学基金"}},"kind":"fund.add","prev":"1b7ebd43c542e7741fe27407fdb91dfed281503bab180bda4b412fd85b334fd2","seq":15,"time":"2026-03-01T09:15:00Z","v":1},"sig":"pKvoAgAN+C26VUMSy89ScPzjb7/Ia3/p5XWVy67Hl/2NdtFezcGzSM/xy4phlxZz5LqHRRTFjV3FAwDhScJBBw=="}"#,
            hash: "9a01e6cf0f107d4c51d5c22aa2ed126f182c87527c7f3aa13572b29dcde1113a",
            signature: "pKvoAgAN+C26VUMSy89ScPzjb7/Ia3/p5XWVy67Hl/2NdtFezcGzSM/xy4phlxZz5LqHRRTFjV3FAwDhScJBBw=="),
        // 16
        Pinned(
            bytes:
                #"{"body":{"author":"189fd144ed46dad9","data":{"member":"H002","name":"李阿婆"},"kind":"member.add","prev":"9a01e6cf0f107d4c51d5c22aa2ed126f182c87527c7f3aa13572b29dcde1113a","seq":16,"time":"2026-03-01T09:16:00Z","v":1},"sig":"RGdtyflfCaRZhLJcU/Svknc3hh24G8DEINaBHc8S4hYnwIjByUYLsRYdXtvkxO5N57rtrkYKzyVjBp71p89VBw=="}"#,
            hash: "1cc349e759d64111752b88a3e35a026ca59503b580ab4a005053acc4eb9be202",
            signature: "RGdtyflfCaRZhLJcU/Svknc3hh24G8DEINaBHc8S4hYnwIjByUYLsRYdXtvkxO5N57rtrkYKzyVjBp71p89VBw=="),
        // 17
        Pinned(
            bytes:
                #"{"body":{"author":"26f861e357e652c5","data":{"member":"H002","reason":"迁出本村"},"kind":"member.close","prev":"1cc349e759d64111752b88a3e35a026ca59503b580ab4a005053acc4eb9be202","seq":17,"time":"2026-03-01T09:17:00Z","v":1},"sig":"5Tmm8a6XGdlviDf0kag12jZBnNtuE70wCK2UoZHyHKEjfEix5WQnjzmffXILCmpTs8/nGxE+eUf5XPv+GoUHBA=="}"#,
            hash: "8b61889ace99c0ddd7569460ad25b2ea14d32902b1eeecd8438fb4e36dad33f4",
            signature: "5Tmm8a6XGdlviDf0kag12jZBnNtuE70wCK2UoZHyHKEjfEix5WQnjzmffXILCmpTs8/nGxE+eUf5XPv+GoUHBA=="),
        // 18
        Pinned(
            bytes:
                #"{"body":{"author":"1079b8048705d4b8","data":{"root":"ed2c53883dc4c292d8acad3cc5f422123edc378c690849add07d0eedeb344582","size":18},"kind":"checkpoint","prev":"8b61889ace99c0ddd7569460ad25b2ea14d32902b1eeecd8438fb4e36dad33f4","seq":18,"time":"2026-03-01T09:18:00Z","v":1},"sig":"K1Zsfy42gsTfrh7sk9N9bZGwhdWyFaifTEAnQoz9fEuFljttfvs+990nmzPv9C5edMleCHts7BFBeW6+TIKJDQ=="}"#,
            hash: "48e0d21e47d3a89412332577404adc9d6a12706305683a67740e02dc715fd7da",
            signature: "K1Zsfy42gsTfrh7sk9N9bZGwhdWyFaifTEAnQoz9fEuFljttfvs+990nmzPv9C5edMleCHts7BFBeW6+TIKJDQ=="),
    ]
}
