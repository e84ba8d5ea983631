package io.heliosdb.sqllogictest;

import java.util.List;

/**
 * A vendored script and how it is run: every query, or every {@code stride}-th query (a deterministic
 * sample that keeps the suite's time bounded), and whether it also runs on RocksDB.
 */
record CorpusFile(String path, int stride, boolean onRocks) {

    /** The files under src/test/resources/sqllogictest, in the order the report lists them. */
    static final List<CorpusFile> ALL = List.of(
            new CorpusFile("select1.test", 1, true),
            new CorpusFile("select2.test", 1, true),
            new CorpusFile("select3.test", 1, true),
            new CorpusFile("random/aggregates/slt_good_0.test", 1, true),
            new CorpusFile("random/aggregates/slt_good_1.test", 1, true),
            new CorpusFile("random/aggregates/slt_good_2.test", 1, true),
            new CorpusFile("random/aggregates/slt_good_3.test", 1, true),
            new CorpusFile("random/aggregates/slt_good_129.test", 1, true),
            new CorpusFile("random/expr/slt_good_0.test", 1, true),
            new CorpusFile("random/expr/slt_good_1.test", 1, true),
            new CorpusFile("random/expr/slt_good_2.test", 1, true),
            new CorpusFile("random/expr/slt_good_3.test", 1, true),
            new CorpusFile("random/groupby/slt_good_0.test", 1, true),
            new CorpusFile("random/groupby/slt_good_1.test", 1, true),
            new CorpusFile("random/groupby/slt_good_2.test", 1, true),
            new CorpusFile("random/groupby/slt_good_3.test", 1, true),
            new CorpusFile("random/groupby/slt_good_13.test", 1, true),
            new CorpusFile("index/between/1/slt_good_0.test", 1, true),
            new CorpusFile("index/in/10/slt_good_3.test", 1, true));

    /** The key a file's pass count has in the baseline for a storage mode. */
    String key(String mode) {
        return mode + "." + path;
    }
}
