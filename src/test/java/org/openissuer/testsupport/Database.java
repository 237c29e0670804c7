package org.openissuer.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Direct JDBC access to the issuer's database, to check what it persisted. */
public final class Database {

    private Database() {
    }

    public static Connection connect() throws SQLException {
        return connect(System.getProperty("it.db.url"));
    }

    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, System.getProperty("it.db.user", "postgres"),
                System.getProperty("it.db.password", ""));
    }
}
