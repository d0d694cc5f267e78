import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import io.configurableagents.it.ItDocker
import io.configurableagents.runtime.llm.fake.FakeProviderServer
import io.configurableagents.runtime.llm.fake.FakeReply
import java.time.Duration

def log = new File(basedir, 'build.log').text
def image = 'sqlquery-it:1.0.0'
def model = null
try {
  // the deploy adds the runtime's optional SQLite driver, and says why
  assert log =~ /\[INFO\] The image gets org\.xerial:sqlite-jdbc \(sqlite-jdbc-[0-9.]+\.jar\), the SQLite driver: node 'lookup' lists sql_query/
  assert ItDocker.imageContains(image, 'org/sqlite/JDBC.class') : 'the SQLite driver is not in the image'

  // the env-file check reads WEB_SEARCH_PROVIDER=tavily from the file: no Serper key asked for; shell's variable named
  ItDocker.requireContains(log, "does not set ALLOWED_COMMANDS, which the shell tool of node 'lookup' needs")
  ItDocker.requireLacks(log, 'SERPER_API_KEY', 'a Serper key asked for, although the env file picks Tavily')
  // the runtime agrees: ready, with TAVILY_API_KEY and no SERPER_API_KEY
  ItDocker.requireLacks(log, 'not ready', 'a readiness warning')
  assert ItDocker.get('http://127.0.0.1:18241/observe/health/ready').statusCode() == 200

  // a SQLite database, put where SQL_QUERY_URL points: on the data volume
  def files = new File(basedir, 'target/files')
  files.mkdirs()
  def db = new File(files, 'teas.db')
  db.delete()
  def connection = new org.sqlite.JDBC().connect("jdbc:sqlite:${db.path}", new Properties())
  try {
    def statement = connection.createStatement()
    statement.executeUpdate('CREATE TABLE teas (name TEXT, price REAL)')
    statement.executeUpdate("INSERT INTO teas VALUES ('matcha', 24.5), ('sencha', 12.0)")
  } finally {
    connection.close()
  }
  ItDocker.docker('cp', "${files.path}/.", 'sqlquery-it:/app/data/files')

  // the model asks for sql_query, then answers with what the query returned
  model = FakeProviderServer.start('127.0.0.1', 18242)
  model.replyByDefault(FakeReply.computed { request ->
    request.toolResults().isEmpty()
        ? FakeReply.toolCalls(FakeReply.call('sql_query', '{"query": "SELECT name, price FROM teas ORDER BY price DESC"}'))
        : FakeReply.answer(JsonOutput.toJson([result: 'From the database: ' + request.toolResults()[0]]))
  })
  def response = ItDocker.postJson('http://127.0.0.1:18241/run', '{"question": "Which tea costs most?"}')
  assert response.statusCode() == 200 : response.body()
  def answer = new JsonSlurper().parseText(response.body()).outputs.answer
  def rows = new JsonSlurper().parseText(answer.substring('From the database: '.length()))
  assert rows.rows == [[name: 'matcha', price: 24.5], [name: 'sencha', price: 12.0]] : answer
  assert model.requests().size() == 2
  assert model.requests()[0].toolNames().contains('sql_query')
} finally {
  model?.close()
  ItDocker.removeQuietly(['sqlquery-it'], ['sqlquery-it-data'], [image])
  new File(basedir, '.env').delete()
}
return true
