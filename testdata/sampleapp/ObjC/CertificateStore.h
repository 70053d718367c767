//
//  CertificateStore.h
//  Notes
//
//  Client certificates and pinned server certificates for self-hosted sync servers.
//

#import <Foundation/Foundation.h>
#import <Security/Security.h>

@interface CertificateStore : NSObject

- (BOOL)addCertificate:(SecCertificateRef)certificate label:(NSString *)label error:(NSError **)error;
- (nullable SecCertificateRef)copyCertificateWithLabel:(NSString *)label CF_RETURNS_RETAINED;
- (nullable SecCertificateRef)copyPinnedCertificateForHost:(NSString *)host CF_RETURNS_RETAINED;
- (nullable SecCertificateRef)copyCertificateWithCommonName:(NSString *)commonName CF_RETURNS_RETAINED;
- (nullable SecIdentityRef)copyClientIdentityWithCommonName:(NSString *)commonName CF_RETURNS_RETAINED;
- (BOOL)removeCertificateWithLabel:(NSString *)label;
- (void)removeCertificatesIssuedBy:(NSData *)normalizedIssuer;

@end
