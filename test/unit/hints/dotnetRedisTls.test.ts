/**
 * StackExchange.Redis TLS as .NET services write it: certificate callbacks that accept every certificate however
 * they are written (`code/certificateCallbacks.ts`), and clients made from a configuration string the code does not
 * show (`code/stackExchangeUnseenStrings.ts`).
 */
import * as assert from 'node:assert/strict';
import { hintsIn, sourceLines } from './support';

const tlsFindings = (hints: string[]) => hints.filter((hint) => hint.endsWith('redis-tls!'));
const tlsHovers = (hints: string[]) => hints.filter((hint) => hint.endsWith('redis-tls'));

describe('StackExchange.Redis certificate callbacks', () => {
  const connector = (callback: string, ...members: string[]) =>
    sourceLines(
      'using System.Net.Security;',
      'using StackExchange.Redis;',
      'public class Connector',
      '{',
      '    public ConnectionMultiplexer Open(string endpoint)',
      '    {',
      '        var options = new ConfigurationOptions { Ssl = true };',
      '        options.EndPoints.Add(endpoint, 6380);',
      `        options.CertificateValidation += ${callback};`,
      '        return ConnectionMultiplexer.Connect(options);',
      '    }',
      ...members,
      '}',
    );

  it('reports a method group whose method always returns true, block-bodied or expression-bodied', () => {
    const block = connector('TrustAll', '    private bool TrustAll(object s, X509Certificate? c, X509Chain? ch, SslPolicyErrors e)', '    {', '        return true;', '    }');
    assert.deepEqual(tlsFindings(hintsIn('Connector.cs', block)), ['9:CertificateValidation redis-tls!']);
    const arrow = connector('this.TrustAll', '    private static bool TrustAll(object s, X509Certificate? c, X509Chain? ch, SslPolicyErrors e) => true;');
    assert.deepEqual(tlsFindings(hintsIn('Connector.cs', arrow)), ['9:CertificateValidation redis-tls!']);
    const wrapped = connector('new RemoteCertificateValidationCallback(TrustAll)', '    private bool TrustAll(object s, X509Certificate? c, X509Chain? ch, SslPolicyErrors e) { Log(e); return true; }');
    assert.deepEqual(tlsFindings(hintsIn('Connector.cs', wrapped)), ['9:CertificateValidation redis-tls!']);
  });

  it('reports a lambda or anonymous method with statements before its return true', () => {
    const lambda = connector('(sender, certificate, chain, errors) => { Console.WriteLine(errors); return true; }');
    assert.deepEqual(tlsFindings(hintsIn('Connector.cs', lambda)), ['9:CertificateValidation redis-tls!']);
    const anonymous = connector('delegate (object s, X509Certificate? c, X509Chain? ch, SslPolicyErrors e) { return true; }');
    assert.deepEqual(tlsFindings(hintsIn('Connector.cs', anonymous)), ['9:CertificateValidation redis-tls!']);
  });

  it('stays silent on a callback that checks the certificate, throws, or is not the file’s', () => {
    const checked = connector(
      'CheckChain',
      '    private static bool CheckChain(object s, X509Certificate? c, X509Chain? ch, SslPolicyErrors e)',
      '    {',
      '        if (e == SslPolicyErrors.None) return true;',
      '        return false;',
      '    }',
    );
    assert.deepEqual(tlsFindings(hintsIn('Connector.cs', checked)), []);
    const throwing = connector('(s, c, ch, e) => { if (e != SslPolicyErrors.None) throw new AuthenticationException(); return true; }');
    assert.deepEqual(tlsFindings(hintsIn('Connector.cs', throwing)), []);
    const variable = connector('(s, c, ch, e) => { var valid = e == SslPolicyErrors.None; return valid; }');
    assert.deepEqual(tlsFindings(hintsIn('Connector.cs', variable)), []);
    assert.deepEqual(tlsFindings(hintsIn('Connector.cs', connector('Validators.Strict'))), []);
    assert.deepEqual(tlsFindings(hintsIn('Connector.cs', connector('ValidateElsewhere'))), []);
  });

  it('leaves another library’s CertificateValidation event alone', () => {
    const opcua = sourceLines(
      'using Opc.Ua;',
      'public class Client',
      '{',
      '    public void Start(ApplicationConfiguration config)',
      '    {',
      '        config.CertificateValidator.CertificateValidation += Accept;',
      '    }',
      '    private bool Accept(object s, CertificateValidationEventArgs e) { return true; }',
      '}',
    );
    assert.deepEqual(tlsFindings(hintsIn('Client.cs', opcua)), []);
  });
});

describe('StackExchange.Redis configuration strings the code does not show', () => {
  it('hovers redis-tls on Connect of a settings member, a configuration read and Parse', () => {
    const code = sourceLines(
      'using Microsoft.Extensions.Configuration;',
      'using StackExchange.Redis;',
      'public static class CacheSetup',
      '{',
      '    public static void Add(IServiceCollection services, IConfiguration configuration, CacheSettings settings)',
      '    {',
      '        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(settings.Redis!.Configuration!));',
      '        var connection = configuration.GetConnectionString("redis") ?? "";',
      '        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(connection));',
      '        var parsed = ConfigurationOptions.Parse(connection);',
      '    }',
      '}',
    );
    assert.deepEqual(tlsHovers(hintsIn('CacheSetup.cs', code)), ['7:Connect redis-tls', '9:Connect redis-tls', '10:Parse redis-tls']);
  });

  it('stays silent on Connect of a ConfigurationOptions object and in a file that sets Ssl itself', () => {
    const objects = sourceLines(
      'using StackExchange.Redis;',
      'public class Holder',
      '{',
      '    public ConfigurationOptions RedisOptions { get; set; } = new();',
      '    public ConnectionMultiplexer Open(ConfigurationOptions options) => ConnectionMultiplexer.Connect(options);',
      '    public ConnectionMultiplexer Again() => ConnectionMultiplexer.Connect(this.RedisOptions);',
      '}',
    );
    assert.deepEqual(tlsHovers(hintsIn('Holder.cs', objects)), []);
    const secured = sourceLines(
      'using StackExchange.Redis;',
      'public class Secure',
      '{',
      '    public ConnectionMultiplexer Open(string connectionString)',
      '    {',
      '        var options = ConfigurationOptions.Parse(connectionString);',
      '        options.Ssl = true;',
      '        return ConnectionMultiplexer.Connect(options);',
      '    }',
      '}',
    );
    assert.deepEqual(tlsHovers(hintsIn('Secure.cs', secured)), []);
  });
});
