# A pod that builds for iOS and tvOS.
Pod::Spec.new do |s|
  s.name             = 'Vault'
  s.version          = '1.2.3'
  s.summary          = "Keeps secrets (#{s.version})"
  s.description      = <<-DESC
s.osx.deployment_target = '10.9' is only text in a heredoc.
                       DESC
  ios_deployment_target = '13.0'
  base = 'Classes/'

  s.ios.deployment_target = ios_deployment_target
  s.tvos.deployment_target = '15.0'
  s.source_files = [
    base + '**/*.{h,m,swift}', # the sources
  ]
  s.exclude_files = 'Classes/Private/*'

  s.subspec 'Phone' do |phone|
    phone.source_files = "#{base}ios/*.swift"
  end

  s.test_spec 'unit' do |unit_tests|
    unit_tests.platforms = { :ios => ios_deployment_target, tvos: '15.0' }
    unit_tests.source_files = 'Tests/**/*.swift'
  end
end
