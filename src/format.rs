//! Canonical formatting of record files (`dangjian fmt`), keeping every comment (to be built).
